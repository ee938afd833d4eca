import assert from 'node:assert/strict';
import type { ApiResponse } from '@shoal/api-client';

/** Asserts an RFC 7807 answer in PeerTube's shape with the expected status (and code). */
export function assertProblem(res: ApiResponse, status: number, code?: string): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  const body = res.body as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.equal(typeof body.type, 'string');
  if (code) assert.equal(body.code, code, `expected code ${code}, got ${String(body.code)}: ${res.text.slice(0, 300)}`);
}

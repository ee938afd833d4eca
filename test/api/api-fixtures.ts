import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { ApiResponse, ShoalClient } from '@shoal/api-client';
import { UserRole } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import type { TestServer } from '../shared/server-process';

/** Suites log many users in and register several: the stock per-IP limits would trip. */
export const RELAXED_LIMITS = `rates_limit:
  login:
    max: 10000
  signup:
    max: 10000
`;

export interface TestUser {
  id: number;
  accountId: number;
  username: string;
  password: string;
  client: ShoalClient;
}

let counter = 0;
/** Unique, valid username for this process. */
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}`;
}

/** Creates a user through the admin API and logs it in. */
export async function createUser(server: TestServer, role: UserRole = UserRole.USER, username = uniqueName()): Promise<TestUser> {
  const password = `${username}-password`;
  const { user } = await server.admin.createUser({ username, password, email: `${username}@example.com`, role });
  const client = await server.admin.as(username, password);
  return { id: user.id, accountId: user.account.id, username, password, client };
}

/** A real PNG made by sharp; `alpha` gives it transparency. */
export function png(width = 64, height = 64, alpha = false): Promise<Buffer> {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 80, b: 20, alpha: alpha ? 0.5 : 1 } } })
    .png()
    .toBuffer();
}

export function fileForm(field: string, content: Buffer | string, filename: string, type = 'image/png'): FormData {
  const form = new FormData();
  form.append(field, new Blob([content], { type }), filename);
  return form;
}

/** 400 validation problem naming `param` among its invalid parameters. */
export function assertInvalid(res: ApiResponse, param?: string): void {
  assertProblem(res, 400, 'validation_error');
  if (param) {
    const invalid = (res.body as { 'invalid-params'?: Record<string, unknown> })['invalid-params'] ?? {};
    assert.ok(param in invalid, `expected ${param} in invalid-params, got ${Object.keys(invalid).join(', ')}`);
  }
}

export const longString = (n: number) => 'x'.repeat(n);

import { createWriteStream, openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AcceptedRunnerJob, AvailableRunnerJob } from '@shoal/models';
import { request, type ApiResponse } from './http';

/** Files of a multipart `update`/`success`: field name (`payload[videoFile]`) → local path. */
export type RunnerFiles = Record<string, string>;

/** Thrown for any unexpected status; `code` is the problem document's `code`, when any. */
export class RunnerApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

function check<T>(res: ApiResponse<T>, expected: number, what: string): T {
  if (res.status === expected) return res.body;
  const body = res.body as { code?: string; detail?: string } | string;
  const detail = typeof body === 'object' && body ? body.detail : String(body).slice(0, 200);
  throw new RunnerApiError(res.status, typeof body === 'object' ? body?.code : undefined, `${what}: ${res.status} ${detail ?? ''}`);
}

/**
 * Flattens `{ payload: { a: 1 } }` into multipart fields `payload[a]`, as PeerTube's runner
 * does; undefined values are left out.
 */
async function multipart(fields: Record<string, unknown>, files: RunnerFiles): Promise<FormData> {
  const form = new FormData();
  const add = (prefix: string, value: unknown) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) add(`${prefix}[${k}]`, v);
    } else form.append(prefix, String(value));
  };
  for (const [k, v] of Object.entries(fields)) {
    if (v !== null && typeof v === 'object') for (const [kk, vv] of Object.entries(v)) add(`${k}[${kk}]`, vv);
    else add(k, v);
  }
  for (const [field, path] of Object.entries(files)) form.append(field, await openAsBlob(path), basename(path));
  return form;
}

/** The runner side of `/api/v1/runners` (PeerTube's protocol): one instance per server. */
export class RunnerClient {
  constructor(readonly url: string) {}

  private post<T>(path: string, json: unknown, signal?: AbortSignal) {
    return request<T>(this.url, 'POST', `/api/v1/runners${path}`, { json, signal });
  }

  async register(body: { registrationToken: string; name: string; description?: string; version?: string }) {
    return check(await this.post<{ id: number; runnerToken: string }>('/register', body), 200, 'register');
  }

  async unregister(runnerToken: string): Promise<void> {
    check(await this.post('/unregister', { runnerToken }), 204, 'unregister');
  }

  async request(runnerToken: string, jobTypes?: string[], version?: string): Promise<AvailableRunnerJob[]> {
    const body = check(
      await this.post<{ availableJobs: AvailableRunnerJob[] }>('/jobs/request', { runnerToken, jobTypes, version }),
      200,
      'request',
    );
    return body.availableJobs;
  }

  async accept(uuid: string, runnerToken: string): Promise<AcceptedRunnerJob> {
    return check(await this.post<{ job: AcceptedRunnerJob }>(`/jobs/${uuid}/accept`, { runnerToken }), 200, 'accept').job;
  }

  /** Keep-alive with progress; live jobs add `payload` fields and chunk/playlist files (spec §10.3). */
  async update(
    uuid: string,
    tokens: { runnerToken: string; jobToken: string },
    progress?: number,
    payload?: object,
    files: RunnerFiles = {},
  ): Promise<void> {
    const body = await multipart({ ...tokens, progress, payload }, files);
    check(await request(this.url, 'POST', `/api/v1/runners/jobs/${uuid}/update`, { body }), 204, 'update');
  }

  async success(uuid: string, tokens: { runnerToken: string; jobToken: string }, files: RunnerFiles, payload?: object): Promise<void> {
    const body = await multipart({ ...tokens, payload }, files);
    check(await request(this.url, 'POST', `/api/v1/runners/jobs/${uuid}/success`, { body }), 204, 'success');
  }

  async error(uuid: string, tokens: { runnerToken: string; jobToken: string }, message: string): Promise<void> {
    check(await this.post(`/jobs/${uuid}/error`, { ...tokens, message: message.slice(0, 5000) || 'Unknown error' }), 204, 'error');
  }

  async abort(uuid: string, tokens: { runnerToken: string; jobToken: string }, reason: string): Promise<void> {
    check(await this.post(`/jobs/${uuid}/abort`, { ...tokens, reason }), 204, 'abort');
  }

  /** Streams an input file (absolute URL from the payload) to `path` without buffering it. */
  async download(url: string, tokens: { runnerToken: string; jobToken: string }, path: string, signal?: AbortSignal): Promise<void> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(tokens),
      signal,
    });
    if (res.status >= 400 || !res.body) {
      const text = await res.text().catch(() => '');
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        // Not a problem document.
      }
      throw new RunnerApiError(res.status, code, `download ${url}: ${res.status}`);
    }
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(path));
  }
}

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { VideoCreateResult } from '@shoal/models';
import type { ShoalClient } from './client';
import { ApiError, type ApiResponse } from './http';

export type UploadFields = Record<string, string | number | boolean | string[] | undefined>;

function appendFields(form: FormData, fields: UploadFields): void {
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) form.append(`${k}[]`, item);
    else form.append(k, String(v));
  }
}

/** Legacy one-request upload (`POST /videos/upload`); returns the raw response. */
export async function uploadLegacy(
  client: ShoalClient,
  path: string,
  fields: UploadFields,
  filename = basename(path),
): Promise<ApiResponse<VideoCreateResult>> {
  const form = new FormData();
  appendFields(form, fields);
  form.append('videofile', new Blob([await readFile(path)]), filename);
  return client.api<VideoCreateResult>('POST', '/videos/upload', { body: form });
}

/** Opens a resumable session; returns the `upload_id` query string value. */
export async function openResumable(
  client: ShoalClient,
  initPath: string,
  size: number,
  body: Record<string, unknown>,
  mime = 'video/mp4',
): Promise<ApiResponse & { uploadId?: string }> {
  const res = await client.api('POST', initPath, {
    json: body,
    headers: { 'x-upload-content-length': String(size), 'x-upload-content-type': mime },
  });
  const location = res.headers.get('location') ?? '';
  const uploadId = new URLSearchParams(location.split('?')[1] ?? '').get('upload_id') ?? undefined;
  return { ...res, uploadId };
}

/** Sends bytes [start, end] of `data` as one chunk. */
export function sendChunk(
  client: ShoalClient,
  initPath: string,
  uploadId: string,
  data: Buffer,
  start: number,
  end: number,
): Promise<ApiResponse> {
  return client.api('PUT', initPath, {
    query: { upload_id: uploadId },
    body: new Uint8Array(data.subarray(start, end + 1)),
    headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${end}/${data.length}` },
  });
}

/**
 * The whole resumable protocol: open, PUT chunks of `chunkSize` (308 until the last),
 * and return the final response (200 with the video for uploads, 204 for replacements).
 */
export async function uploadResumable(
  client: ShoalClient,
  path: string,
  fields: Record<string, unknown>,
  opts: { chunkSize?: number; initPath?: string; filename?: string; mime?: string } = {},
): Promise<ApiResponse<VideoCreateResult>> {
  const data = await readFile(path);
  const initPath = opts.initPath ?? '/videos/upload-resumable';
  const opened = await openResumable(client, initPath, data.length, { filename: opts.filename ?? basename(path), ...fields }, opts.mime);
  if (opened.status !== 201 && opened.status !== 200) return opened as ApiResponse<VideoCreateResult>;
  const chunk = opts.chunkSize ?? 256 * 1024;
  let last: ApiResponse | undefined;
  for (let start = 0; start < data.length; start += chunk) {
    last = await sendChunk(client, initPath, opened.uploadId!, data, start, Math.min(start + chunk, data.length) - 1);
    const final = start + chunk >= data.length;
    if (!final && last.status !== 308) return last as ApiResponse<VideoCreateResult>;
  }
  if (!last) throw new ApiError(opened, 'empty file');
  return last as ApiResponse<VideoCreateResult>;
}

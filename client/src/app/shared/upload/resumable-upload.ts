/**
 * PeerTube's resumable upload protocol from the browser: POST opens a session (201 +
 * Location), PUT chunks with Content-Range answer 308 + Range until the last one, and
 * `PUT … Content-Range: bytes *\/size` asks the server what it already has (to resume).
 * XMLHttpRequest rather than fetch: it reports upload progress within a chunk.
 */
export interface ResumableUploadOptions {
  /** e.g. `/api/v1/videos/upload-resumable`. */
  initUrl: string;
  file: File;
  /** JSON body of the opening POST. */
  body: Record<string, unknown>;
  token: () => string | null;
  chunkSize?: number;
  onProgress: (sent: number, total: number) => void;
}

export class UploadPausedError extends Error {
  constructor() {
    super('Upload paused');
  }
}

export class UploadFailedError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super((body as { detail?: string } | null)?.detail ?? `The upload failed (${status})`);
  }
}

interface XhrResult {
  status: number;
  body: unknown;
  range: string | null;
}

const DEFAULT_CHUNK = 8 * 1024 * 1024;
const MAX_RETRIES = 3;

export class ResumableUpload<T = unknown> {
  private location: string | null = null;
  private offset = 0;
  private current: XMLHttpRequest | null = null;
  private paused = false;

  constructor(private readonly opts: ResumableUploadOptions) {}

  /** Uploads until done; rejects with UploadPausedError after `pause()`. */
  async run(): Promise<T> {
    this.paused = false;
    if (!this.location) this.location = await this.open();
    else this.offset = await this.askOffset();
    return this.sendChunks();
  }

  pause(): void {
    this.paused = true;
    this.current?.abort();
  }

  /** Stops and tells the server to drop what it received. */
  async cancel(): Promise<void> {
    this.pause();
    if (this.location) await this.xhr('DELETE', this.location, null, {}).catch(() => undefined);
  }

  private async open(): Promise<string> {
    const { file, body } = this.opts;
    const res = await fetch(this.opts.initUrl, {
      method: 'POST',
      headers: {
        ...this.authHeader(),
        'content-type': 'application/json',
        'x-upload-content-length': String(file.size),
        'x-upload-content-type': file.type || 'application/octet-stream',
      },
      body: JSON.stringify({ filename: file.name, ...body }),
    });
    if (res.status !== 201 && res.status !== 200) throw new UploadFailedError(res.status, await res.json().catch(() => null));
    // The server answers a protocol-relative Location ("//host/api/v1/…?upload_id=…").
    const uploadId = new URL(res.headers.get('location') ?? '', location.href).searchParams.get('upload_id');
    if (!uploadId) throw new UploadFailedError(res.status, { detail: 'The server did not open an upload session' });
    return `${this.opts.initUrl}?upload_id=${encodeURIComponent(uploadId)}`;
  }

  private async sendChunks(): Promise<T> {
    const { file } = this.opts;
    const chunk = this.opts.chunkSize ?? DEFAULT_CHUNK;
    let retries = 0;
    for (;;) {
      if (this.paused) throw new UploadPausedError();
      const end = Math.min(this.offset + chunk, file.size);
      const headers = { 'content-type': 'application/octet-stream', 'content-range': `bytes ${this.offset}-${end - 1}/${file.size}` };
      let res: XhrResult;
      try {
        res = await this.xhr('PUT', this.location!, file.slice(this.offset, end), headers, this.offset);
      } catch (err) {
        if (this.paused) throw new UploadPausedError();
        if (++retries > MAX_RETRIES) throw err;
        await delay(1000 * 2 ** retries);
        this.offset = await this.askOffset();
        continue;
      }
      if (res.status === 308) {
        this.offset = nextOffset(res.range);
        retries = 0;
        continue;
      }
      if (res.status === 200 || res.status === 204) {
        this.opts.onProgress(file.size, file.size);
        return res.body as T;
      }
      throw new UploadFailedError(res.status, res.body);
    }
  }

  private async askOffset(): Promise<number> {
    const res = await this.xhr('PUT', this.location!, null, { 'content-range': `bytes */${this.opts.file.size}` });
    if (res.status === 308) return nextOffset(res.range);
    if (res.status >= 400) throw new UploadFailedError(res.status, res.body);
    return this.opts.file.size;
  }

  private authHeader(): Record<string, string> {
    const token = this.opts.token();
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  private xhr(method: string, url: string, body: Blob | null, headers: Record<string, string>, base = 0): Promise<XhrResult> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      this.current = xhr;
      xhr.open(method, url);
      for (const [k, v] of Object.entries({ ...headers, ...this.authHeader() })) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => this.opts.onProgress(base + e.loaded, this.opts.file.size);
      xhr.onload = () => resolve({ status: xhr.status, body: parseBody(xhr.responseText), range: xhr.getResponseHeader('range') });
      xhr.onerror = () => reject(new Error('Network error during the upload'));
      xhr.onabort = () => reject(new UploadPausedError());
      xhr.send(body);
    });
  }
}

/** `Range: bytes=0-1234` → 1235; no header means nothing was kept. */
export function nextOffset(range: string | null): number {
  const match = /bytes=\d+-(\d+)/.exec(range ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

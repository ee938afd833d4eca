import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-address';

export class FederationFetchError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer came (network, timeout, refused address, size). */
    readonly status: number = 0,
  ) {
    super(message);
  }
}

export interface SafeRequestOptions {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  /** Redirects followed (GET only); each target is checked again. */
  maxRedirects: number;
  preventSsrf: boolean;
  /** Called for each hop, so that a redirected request is signed for its own URL. */
  sign?: (url: string, headers: Record<string, string>) => Record<string, string>;
}

export interface SafeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

/** A DNS lookup that refuses names resolving to private addresses (checked at connect time: no rebinding gap). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || !list.length) {
      return callback(Object.assign(new Error(`refused private address for ${hostname}`), { code: 'EPRIVATE' }), '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/**
 * One outgoing federation request with SSRF protection, a total timeout, a body size limit
 * and redirects that are re-checked hop by hop.
 */
export async function safeRequest(url: string, opts: SafeRequestOptions): Promise<SafeResponse> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(current, opts);
    const location = res.headers.location;
    if (opts.method === 'GET' && res.status >= 300 && res.status < 400 && location) {
      if (hop >= opts.maxRedirects) throw new FederationFetchError(`too many redirects from ${url}`, res.status);
      current = new URL(location, current).toString();
      continue;
    }
    return res;
  }
}

function requestOnce(url: string, opts: SafeRequestOptions): Promise<SafeResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new FederationFetchError(`not a URL: ${url}`));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new FederationFetchError(`refused protocol ${target.protocol}`));
  }
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (opts.preventSsrf && isIP(literal) && isPrivateAddress(literal)) {
    return Promise.reject(new FederationFetchError(`refused private address ${literal}`));
  }
  const base: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) base['content-length'] = String(Buffer.byteLength(opts.body));
  const headers = opts.sign ? opts.sign(url, base) : base;
  const client = target.protocol === 'https:' ? https : http;

  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: opts.method,
      headers,
      lookup: opts.preventSsrf ? guardedLookup : undefined,
      timeout: opts.timeoutMs,
    });
    const timer = setTimeout(() => req.destroy(new FederationFetchError(`timeout after ${opts.timeoutMs} ms: ${url}`)), opts.timeoutMs);
    req.on('timeout', () => req.destroy(new FederationFetchError(`timeout after ${opts.timeoutMs} ms: ${url}`)));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof FederationFetchError ? err : new FederationFetchError(`${url}: ${err.message}`));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          req.destroy(new FederationFetchError(`response of ${url} exceeds ${opts.maxBytes} bytes`, res.statusCode ?? 0));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(new FederationFetchError(`${url}: ${err.message}`, res.statusCode ?? 0));
      });
    });
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-address';

// The JSON fetcher (safe-request.ts) answers JSON only; thumbnails, avatars and banners need
// bytes. Same SSRF rule as the JSON fetcher (federation.prevent_ssrf), with the same address
// list: the address is checked when the socket resolves it, so a DNS answer cannot change
// between the check and the connection.

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(Object.assign(new Error(`refusing private address ${bad.address}`), { code: 'EPRIVATE' }), '');
    const wantsAll = (options as { all?: boolean }).all;
    if (wantsAll) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

/** GET of an image: 10 s, `maxBytes`, no redirects, private addresses refused when `preventSsrf`. */
export function downloadImage(url: string, opts: { preventSsrf: boolean; maxBytes: number }): Promise<Buffer> {
  // Sockets skip the lookup for IP literals: check those here.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (opts.preventSsrf && isIP(host) && isPrivateAddress(host)) return Promise.reject(new Error(`refusing private address ${host}`));
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { timeout: 10_000, ...(opts.preventSsrf ? { lookup: guardedLookup as never } : {}) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`GET ${url}: ${res.statusCode}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= opts.maxBytes) return void chunks.push(chunk);
        reject(new Error('image too large'));
        res.destroy();
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', () => reject(new Error(`GET ${url}: connection lost`)));
    });
    req.on('timeout', () => req.destroy(new Error('image download timed out')));
    req.on('error', reject);
  });
}

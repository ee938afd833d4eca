import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Parser, Sha256Signature, Sha256Signer, parseSignatureHeader, type Signature } from 'activitypub-http-signatures';

/** Headers we sign: PeerTube's list (spec §3.1). */
const POST_HEADERS = ['(request-target)', 'host', 'date', 'digest'];
const GET_HEADERS = ['(request-target)', 'host', 'date'];

/** How far a signed Date may lie behind or ahead of our clock (Mastodon's window: 12 h back, 1 h ahead). */
export const SIGNATURE_MAX_AGE_MS = 12 * 3600_000;
export const SIGNATURE_MAX_FUTURE_MS = 3600_000;

export function digestOf(body: string | Buffer): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/** Signs a request: adds Date, Host, Digest (with a body) and the draft-cavage Signature header. */
export function signRequest(opts: {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  keyId: string;
  privateKey: string;
  now: Date;
}): Record<string, string> {
  const headers: Record<string, string> = { ...opts.headers, date: opts.now.toUTCString(), host: new URL(opts.url).host };
  if (opts.body !== undefined) headers.digest = digestOf(opts.body);
  const signer = new Sha256Signer({
    publicKeyId: opts.keyId,
    privateKey: opts.privateKey,
    headerNames: opts.method === 'POST' ? POST_HEADERS : GET_HEADERS,
  });
  headers.signature = signer.sign({ url: opts.url, method: opts.method, headers });
  return headers;
}

/** Accepts Mastodon's `hs2019` label for RSA keys, as Mastodon itself does. */
class LenientParser extends Parser {
  override getSignatureClass(algorithm: string, opts: ConstructorParameters<typeof Sha256Signature>[0]) {
    return super.getSignatureClass(algorithm === 'hs2019' ? 'rsa-sha256' : algorithm, opts);
  }
}
const parser = new LenientParser();

export type SignatureCheck =
  { ok: true; keyId: string; actorUrl: string; signature: Signature; header: string } | { ok: false; reason: string };

/**
 * Checks everything about an incoming signature that needs no key: presence, parsing, the signed
 * header list, the Date window and the Digest of the exact body bytes.
 */
export function checkRequestSignature(req: {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  rawBody?: Buffer;
  now: Date;
}): SignatureCheck {
  let header = req.headers.signature;
  if (typeof header !== 'string' || !header) return { ok: false, reason: 'Missing signature' };
  // Some senders prefix the value with the scheme name.
  header = header.replace(/^Signature\s+/i, '');
  const fields = parseSignatureHeader(header);
  if (!fields.keyId || !fields.fields.signature) return { ok: false, reason: 'Malformed signature' };
  const signed = fields.headers.map((h) => h.toLowerCase());
  const required = req.method === 'POST' ? POST_HEADERS : GET_HEADERS;
  const missing = required.filter((h) => !signed.includes(h));
  if (missing.length) return { ok: false, reason: `Signature does not cover ${missing.join(', ')}` };

  const date = Date.parse(String(req.headers.date ?? ''));
  if (Number.isNaN(date)) return { ok: false, reason: 'Missing or invalid Date' };
  const age = req.now.getTime() - date;
  if (age > SIGNATURE_MAX_AGE_MS || age < -SIGNATURE_MAX_FUTURE_MS) return { ok: false, reason: 'Date outside the accepted window' };

  if (req.method === 'POST') {
    const digests = String(req.headers.digest ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => /^sha-256=/i.test(d));
    if (!digests.length || !req.rawBody) return { ok: false, reason: 'Missing SHA-256 digest' };
    const expected = Buffer.from(digestOf(req.rawBody).slice('SHA-256='.length));
    const given = Buffer.from(digests[0].slice('SHA-256='.length));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'Invalid digest' };
  }

  let signature: Signature;
  try {
    signature = parser.parse({ method: req.method, url: req.url, headers: { ...req.headers, signature: header } });
  } catch {
    return { ok: false, reason: 'Unsupported signature algorithm' };
  }
  const keyId = fields.keyId;
  return { ok: true, keyId, actorUrl: keyId.split('#')[0], signature, header };
}

import { createSign, createVerify } from 'node:crypto';
import { canonize, sha256Hex } from './ld-canonize';

export const LD_SIGNATURE_TYPE = 'RsaSignature2017';

export interface LdSignature {
  type: typeof LD_SIGNATURE_TYPE;
  creator: string;
  created: string;
  signatureValue: string;
}

/**
 * The string an RsaSignature2017 signs (Mastodon's and PeerTube's recipe): hex SHA-256 of the
 * canonical options (identity/v1 context, creator, created) followed by that of the document
 * without its `signature`.
 */
export async function ldSigningInput(doc: Record<string, unknown>, creator: string, created: string): Promise<string> {
  const options = { '@context': 'https://w3id.org/identity/v1', creator, created };
  const { signature: _omitted, ...unsigned } = doc;
  const [optionsNquads, docNquads] = await Promise.all([canonize(options), canonize(unsigned)]);
  return sha256Hex(optionsNquads) + sha256Hex(docNquads);
}

/** Adds an RsaSignature2017 `signature` by `keyId` (`{actor}#main-key`) to a document that has its `@context`. */
export async function signLd<T extends Record<string, unknown>>(
  doc: T,
  opts: { keyId: string; privateKey: string; now: Date },
): Promise<T & { signature: LdSignature }> {
  const created = opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const input = await ldSigningInput(doc, opts.keyId, created);
  const signatureValue = createSign('sha256').update(input).sign(opts.privateKey, 'base64');
  return { ...doc, signature: { type: LD_SIGNATURE_TYPE, creator: opts.keyId, created, signatureValue } };
}

/** RSA-SHA256 check of a signing input against a PEM key; false on any malformed key or value. */
export function rsaVerifies(input: string, signatureValue: string, publicKeyPem: string): boolean {
  try {
    return createVerify('sha256').update(input).verify(publicKeyPem, signatureValue, 'base64');
  } catch {
    return false;
  }
}

/** The `signature` member when it is an RsaSignature2017 with string fields, else null. */
export function readLdSignature(doc: Record<string, unknown>): LdSignature | null {
  const s = doc.signature as Partial<LdSignature> | null | undefined;
  if (!s || typeof s !== 'object' || s.type !== LD_SIGNATURE_TYPE) return null;
  if (typeof s.creator !== 'string' || typeof s.created !== 'string' || typeof s.signatureValue !== 'string') return null;
  return s as LdSignature;
}

/** Actor URL of a `creator` key id: `{actor}#main-key`, `{actor}/main-key` (GoToSocial) or the actor itself. */
export function creatorActorUrl(creator: string): string {
  return creator.split('#')[0].replace(/\/main-key$/, '');
}

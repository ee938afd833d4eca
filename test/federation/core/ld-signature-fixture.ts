import { createHash, createSign, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsonld from 'jsonld';

/**
 * The RsaSignature2017 recipe as Mastodon and PeerTube apply it, written here independently of the
 * server's code (only the vendored W3C context documents are shared): hex SHA-256 of the canonical
 * options, then of the document without `signature`, signed with RSA-SHA256.
 */
const CONTEXT_DIR = resolve(__dirname, '../../../server/src/modules/federation/signatures/contexts');
const CONTEXT_FILES: Record<string, string> = {
  'https://www.w3.org/ns/activitystreams': 'activitystreams.json',
  'https://w3id.org/security/v1': 'security-v1.json',
  'https://w3id.org/identity/v1': 'identity-v1.json',
};

async function offlineLoader(url: string) {
  const file = CONTEXT_FILES[url];
  if (!file) throw new Error(`test loader: no context ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(resolve(CONTEXT_DIR, file), 'utf8')) as object };
}

export async function nquads(doc: object): Promise<string> {
  const opts = { format: 'application/n-quads', documentLoader: offlineLoader, safe: false };
  return (await jsonld.canonize(doc as never, opts as never)) as unknown as string;
}

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** Which options context the signer hashes with: Mastodon uses identity/v1, PeerTube security/v1. */
export type SignerStyle = 'mastodon' | 'peertube';

async function toBeSigned(doc: Record<string, unknown>, creator: string, created: string, style: SignerStyle): Promise<string> {
  const optionsContext =
    style === 'mastodon'
      ? 'https://w3id.org/identity/v1'
      : ['https://w3id.org/security/v1', { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' }];
  const { signature: _ignored, ...unsigned } = doc;
  return hex(await nquads({ '@context': optionsContext, creator, created })) + hex(await nquads(unsigned));
}

/** Signs like Mastodon (`creator` = key id) or PeerTube (`creator` = actor URL). */
export async function ldSign(
  doc: Record<string, unknown>,
  opts: { actorUrl: string; privateKey: string; style?: SignerStyle; created?: string },
): Promise<Record<string, unknown>> {
  const style = opts.style ?? 'mastodon';
  const creator = style === 'mastodon' ? `${opts.actorUrl}#main-key` : opts.actorUrl;
  const created = opts.created ?? new Date().toISOString();
  const input = await toBeSigned(doc, creator, created, style);
  const signatureValue = createSign('sha256').update(input).sign(opts.privateKey, 'base64');
  return { ...doc, signature: { type: 'RsaSignature2017', creator, created, signatureValue } };
}

/** Checks a received document's RsaSignature2017 against the author's public key. */
export async function ldVerify(doc: Record<string, unknown>, publicKeyPem: string): Promise<boolean> {
  const sig = doc.signature as { type?: string; creator: string; created: string; signatureValue: string } | undefined;
  if (sig?.type !== 'RsaSignature2017') return false;
  const input = await toBeSigned(doc, sig.creator, sig.created, 'mastodon');
  return createVerify('sha256').update(input).verify(publicKeyPem, sig.signatureValue, 'base64');
}

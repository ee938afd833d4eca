import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import { staticDocumentLoader } from './ld-document-loader';

type JsonLdInput = Parameters<typeof jsonld.canonize>[0];

/**
 * URDNA2015 (RDFC-1.0, same output) canonical N-Quads of a JSON-LD document, contexts from the
 * vendored copies only. `safe: false`: like Mastodon and PeerTube, terms the context does not map
 * are dropped instead of failing (they are then not covered by a signature). `safe: true` fails
 * instead on anything that would be dropped (unmapped terms, relative IRIs).
 */
export async function canonize(doc: object, opts: { safe?: boolean } = {}): Promise<string> {
  const options = { format: 'application/n-quads', documentLoader: staticDocumentLoader, safe: opts.safe ?? false };
  return jsonld.canonize(doc as JsonLdInput, options as unknown as Parameters<typeof jsonld.canonize>[1]) as Promise<string>;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

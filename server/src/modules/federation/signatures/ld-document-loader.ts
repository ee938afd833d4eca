import activityStreams from './contexts/activitystreams.json';
import identityV1 from './contexts/identity-v1.json';
import securityV1 from './contexts/security-v1.json';

/** Context documents we know by URL; PeerTube's and Mastodon's own terms travel inline in `@context`. */
const CONTEXTS: Record<string, object> = {
  'https://www.w3.org/ns/activitystreams': activityStreams,
  'https://w3id.org/security/v1': securityV1,
  'https://w3id.org/identity/v1': identityV1,
};

/** A context URL we do not ship: the document cannot be canonicalised here. */
export class UnknownContextError extends Error {
  constructor(readonly url: string) {
    super(`unknown JSON-LD context ${url}`);
  }
}

/**
 * jsonld.js document loader that only answers from the vendored copies: a server must not fetch
 * third-party contexts for every activity (and tests/CI have no Internet). Unknown URLs throw.
 */
export async function staticDocumentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: object }> {
  const document = CONTEXTS[url] ?? CONTEXTS[url.replace(/^http:/, 'https:')];
  if (!document) throw new UnknownContextError(url);
  return { contextUrl: null, documentUrl: url, document };
}

import { canonize } from './ld-canonize';
import { KNOWN_CONTEXT, KNOWN_TERMS, LANGUAGE_MAP_TERMS } from './ld-known-context';
import { creatorActorUrl, ldSigningInput, readLdSignature, rsaVerifies } from './ld-signature';

type Json = Record<string, unknown>;

/**
 * What a forwarded activity's RsaSignature2017 lets us do before the author's key is checked:
 * - `unusable`: no signature, an unknown context, a creator that is not the actor, or a document our
 *   handlers would read differently from what was signed. Not proof of forgery: fall back to
 *   fetching the activity from its origin.
 * - `checkable`: `verify(pem)` tells whether the author's key signed it; `activity` is what handlers
 *   may read (the received JSON minus terms no context maps, which no signature covers).
 */
export type ForwardedLd =
  { kind: 'unusable'; reason: string } | { kind: 'checkable'; actorUrl: string; activity: Json; verify: (publicKeyPem: string) => boolean };

export async function checkForwardedLd(raw: Json): Promise<ForwardedLd> {
  const signature = readLdSignature(raw);
  if (!signature) return { kind: 'unusable', reason: 'no RsaSignature2017' };
  const actorUrl = creatorActorUrl(signature.creator);
  if (typeof raw.actor !== 'string' || actorUrl !== raw.actor) return { kind: 'unusable', reason: 'signature creator is not the actor' };

  const { signature: _signature, ...unsigned } = raw;
  const readable = withoutUnmappedTerms(withoutContexts(unsigned)) as Json;
  // Blank nodes are renamed by canonicalisation, so their labels (and unknown types, which the
  // activitystreams `@vocab: "_:"` turns into blank nodes) are not covered by the signature.
  if (hasBlankNodeLabel(readable)) return { kind: 'unusable', reason: 'blank node labels or unknown types are not signed' };
  let input: string;
  try {
    const [signed, asRead] = await Promise.all([
      canonize(unsigned),
      // Safe mode: anything our reading would silently drop (relative IRIs, bad values) is a refusal.
      canonize({ ...readable, '@context': KNOWN_CONTEXT }, { safe: true }),
    ]);
    if (signed !== asRead) return { kind: 'unusable', reason: 'the document means something else under our context' };
    input = await ldSigningInput(raw, signature.creator, signature.created);
  } catch (err) {
    return { kind: 'unusable', reason: `cannot canonicalise: ${(err as Error).message}` };
  }
  const activity = { ...readable, '@context': raw['@context'], signature: raw.signature };
  return { kind: 'checkable', actorUrl, activity, verify: (pem) => rsaVerifies(input, signature.signatureValue, pem) };
}

/** A deep copy without any `@context` (embedded contexts could redefine what a key means). */
function withoutContexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutContexts);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== '@context')
      .map(([k, v]) => [k, withoutContexts(v)]),
  );
}

/**
 * A key handlers may read: a keyword or a term of our context. Keys written as IRIs (`as:to`) are
 * dropped too: they could carry values a handler expects under the plain term, so when they hold
 * signed data the two canonical forms differ and the signature is not used.
 */
const isMapped = (key: string) => key.startsWith('@') || KNOWN_TERMS.has(key);

/** A type that names an IRI (a term, or a compact/absolute IRI), not a blank node. */
const isNamedType = (type: string) => KNOWN_TERMS.has(type) || (type.includes(':') && !type.startsWith('_:'));

/** Drops keys that expand to nothing under KNOWN_CONTEXT, at every depth. */
function withoutUnmappedTerms(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnmappedTerms);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => isMapped(k))
      .map(([k, v]) => [k, LANGUAGE_MAP_TERMS.has(k) || k === '@value' ? v : withoutUnmappedTerms(v)]),
  );
}

/** A type we cannot name an IRI for, or a string that is an explicit blank node label. */
function hasBlankNodeLabel(value: unknown, key = ''): boolean {
  if (typeof value === 'string') {
    if (value.startsWith('_:')) return true;
    return (key === 'type' || key === '@type') && !isNamedType(value);
  }
  if (Array.isArray(value)) return value.some((v) => hasBlankNodeLabel(v, key));
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => !LANGUAGE_MAP_TERMS.has(k) && k !== '@value' && hasBlankNodeLabel(v, k));
}

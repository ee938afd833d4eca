/** Base JSON-LD context of every document we serve or send (spec §8). */
export const AP_BASE_CONTEXT = [
  'https://www.w3.org/ns/activitystreams',
  'https://w3id.org/security/v1',
  { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' },
] as const;

/** Extra terms of actor documents. */
export const AP_ACTOR_CONTEXT = {
  pt: 'https://joinpeertube.org/ns#',
  sc: 'http://schema.org/',
  playlists: { '@id': 'pt:playlists', '@type': '@id' },
  support: { '@type': 'sc:Text', '@id': 'pt:support' },
  lemmy: 'https://join-lemmy.org/ns#',
  postingRestrictedToMods: 'lemmy:postingRestrictedToMods',
  toot: 'http://joinmastodon.org/ns#',
  indexable: 'toot:indexable',
  discoverable: 'toot:discoverable',
};

/** Adds the base context (and one extra context object) unless the body has its own. */
export function withContext<T extends object>(body: T, extra?: Record<string, unknown>): T & { '@context': unknown } {
  if ('@context' in body) return body as T & { '@context': unknown };
  return { '@context': extra ? [...AP_BASE_CONTEXT, extra] : [...AP_BASE_CONTEXT], ...body };
}

export const AP_MEDIA_TYPE = 'application/activity+json';
export const AP_ACCEPT = 'application/activity+json, application/ld+json';

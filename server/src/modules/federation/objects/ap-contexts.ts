// Direct import: evaluated at load time, it must not wait on the federation index (import cycles).
import { EXTENSION_TERMS } from '../signatures/ld-known-context';

/**
 * JSON-LD terms our objects use beyond the base context (spec §8). Receivers that compact
 * against PeerTube's context (LD signatures) need the same term → IRI mapping, so each term's
 * definition comes from the one table of known terms.
 */
function pick(...names: string[]): Record<string, unknown> {
  return Object.fromEntries(
    names.map((name) => {
      if (!(name in EXTENSION_TERMS)) throw new Error(`unknown JSON-LD term ${name}`);
      return [name, EXTENSION_TERMS[name]];
    }),
  );
}

const ns = ['pt', 'sc'];

export const VIDEO_CONTEXT = pick(
  ...ns,
  'Hashtag',
  'category',
  'licence',
  'subtitleLanguage',
  'automaticallyGenerated',
  'sensitive',
  'language',
  'identifier',
  'isLiveBroadcast',
  'liveSaveReplay',
  'permanentLive',
  'latencyMode',
  'Infohash',
  'SensitiveTag',
  'aspectRatio',
  'uuid',
  'originallyPublishedAt',
  'uploadDate',
  'hasParts',
  'views',
  'state',
  'size',
  'fps',
  'commentsPolicy',
  'canReply',
  'downloadEnabled',
  'waitTranscoding',
  'support',
  'likes',
  'dislikes',
  'shares',
  'comments',
  'PropertyValue',
  'value',
);

export const COMMENT_CONTEXT = pick(...ns, 'replyApproval');
export const VIEW_CONTEXT = pick(...ns, 'WatchAction', 'InteractionCounter', 'interactionType', 'userInteractionCount');
export const FLAG_CONTEXT = pick('Hashtag');
export const CHAPTERS_CONTEXT = pick(...ns, 'hasPart', 'startOffset', 'endOffset');

const BASE = [
  'https://www.w3.org/ns/activitystreams',
  'https://w3id.org/security/v1',
  { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' },
];

/** `@context` of a document that uses `extra` terms. */
export const contextWith = (extra?: object): unknown[] => (extra ? [...BASE, extra] : [...BASE]);

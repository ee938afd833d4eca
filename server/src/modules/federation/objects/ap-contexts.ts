/**
 * JSON-LD terms our objects use beyond the base context (spec §8). Receivers that compact
 * against PeerTube's context (LD signatures) need the same term → IRI mapping.
 */
const ns = { pt: 'https://joinpeertube.org/ns#', sc: 'http://schema.org/' };
const num = (id: string) => ({ '@type': 'sc:Number', '@id': id });
const bool = (id: string) => ({ '@type': 'sc:Boolean', '@id': id });

export const VIDEO_CONTEXT = {
  ...ns,
  Hashtag: 'as:Hashtag',
  category: 'sc:category',
  licence: 'sc:license',
  subtitleLanguage: 'sc:subtitleLanguage',
  automaticallyGenerated: 'pt:automaticallyGenerated',
  sensitive: 'as:sensitive',
  language: 'sc:inLanguage',
  identifier: 'sc:identifier',
  isLiveBroadcast: 'sc:isLiveBroadcast',
  liveSaveReplay: bool('pt:liveSaveReplay'),
  permanentLive: bool('pt:permanentLive'),
  latencyMode: num('pt:latencyMode'),
  Infohash: 'pt:Infohash',
  SensitiveTag: 'pt:SensitiveTag',
  aspectRatio: { '@type': 'sc:Float', '@id': 'pt:aspectRatio' },
  uuid: { '@type': 'sc:identifier', '@id': 'pt:uuid' },
  originallyPublishedAt: 'sc:datePublished',
  uploadDate: 'sc:uploadDate',
  hasParts: 'sc:hasParts',
  views: num('pt:views'),
  state: num('pt:state'),
  size: num('pt:size'),
  fps: num('pt:fps'),
  commentsPolicy: num('pt:commentsPolicy'),
  canReply: 'pt:canReply',
  downloadEnabled: bool('pt:downloadEnabled'),
  waitTranscoding: bool('pt:waitTranscoding'),
  support: { '@type': 'sc:Text', '@id': 'pt:support' },
  likes: { '@id': 'as:likes', '@type': '@id' },
  dislikes: { '@id': 'as:dislikes', '@type': '@id' },
  shares: { '@id': 'as:shares', '@type': '@id' },
  comments: { '@id': 'as:comments', '@type': '@id' },
  PropertyValue: 'sc:PropertyValue',
  value: 'sc:value',
};

export const COMMENT_CONTEXT = { ...ns, replyApproval: 'pt:replyApproval' };
export const VIEW_CONTEXT = {
  ...ns,
  WatchAction: 'sc:WatchAction',
  InteractionCounter: 'sc:InteractionCounter',
  interactionType: 'sc:interactionType',
  userInteractionCount: 'sc:userInteractionCount',
};
export const FLAG_CONTEXT = { Hashtag: 'as:Hashtag' };
export const CHAPTERS_CONTEXT = { ...ns, hasPart: 'sc:hasPart', startOffset: 'sc:startOffset', endOffset: 'sc:endOffset' };

const BASE = [
  'https://www.w3.org/ns/activitystreams',
  'https://w3id.org/security/v1',
  { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' },
];

/** `@context` of a document that uses `extra` terms. */
export const contextWith = (extra?: object): unknown[] => (extra ? [...BASE, extra] : [...BASE]);

import activityStreams from './contexts/activitystreams.json';
import securityV1 from './contexts/security-v1.json';

/**
 * The one fixed interpretation our handlers read activities with: the base contexts plus the union
 * of PeerTube's extension terms (spec §8) and the Mastodon terms that appear in forwarded notes.
 * A forwarded activity is only trusted on its LD signature when it means, under this context,
 * exactly what its author signed under its own (see ld-forward-check.ts).
 */
const num = (id: string) => ({ '@type': 'sc:Number', '@id': id });
const bool = (id: string) => ({ '@type': 'sc:Boolean', '@id': id });
const ref = (id: string) => ({ '@id': id, '@type': '@id' });

/** Term → definition of every extension term we read or write (objects/ap-contexts.ts picks from it). */
export const EXTENSION_TERMS: Readonly<Record<string, unknown>> = {
  RsaSignature2017: 'https://w3id.org/security#RsaSignature2017',
  pt: 'https://joinpeertube.org/ns#',
  sc: 'http://schema.org/',
  toot: 'http://joinmastodon.org/ns#',
  ostatus: 'http://ostatus.org#',
  lemmy: 'https://join-lemmy.org/ns#',
  // Video
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
  dvrWindow: { '@type': 'sc:Duration', '@id': 'pt:dvrWindow' },
  Infohash: 'pt:Infohash',
  SensitiveTag: 'pt:SensitiveTag',
  tileWidth: num('pt:tileWidth'),
  tileHeight: num('pt:tileHeight'),
  tileDuration: num('pt:tileDuration'),
  aspectRatio: { '@type': 'sc:Float', '@id': 'pt:aspectRatio' },
  uuid: { '@type': 'sc:identifier', '@id': 'pt:uuid' },
  originallyPublishedAt: 'sc:datePublished',
  schedules: 'sc:eventSchedule',
  startDate: 'sc:startDate',
  embedUrl: 'sc:embedUrl',
  uploadDate: 'sc:uploadDate',
  hasParts: 'sc:hasParts',
  playerSettings: 'pt:playerSettings',
  views: num('pt:views'),
  downloads: num('pt:downloads'),
  state: num('pt:state'),
  size: num('pt:size'),
  fps: num('pt:fps'),
  commentsPolicy: num('pt:commentsPolicy'),
  canReply: 'pt:canReply',
  downloadEnabled: bool('pt:downloadEnabled'),
  waitTranscoding: bool('pt:waitTranscoding'),
  support: { '@type': 'sc:Text', '@id': 'pt:support' },
  likes: ref('as:likes'),
  dislikes: ref('as:dislikes'),
  shares: ref('as:shares'),
  comments: ref('as:comments'),
  PropertyValue: 'sc:PropertyValue',
  value: 'sc:value',
  // Playlist, CacheFile (PeerTube's merged context lets `expires` mean sc:expires)
  Playlist: 'pt:Playlist',
  PlaylistElement: 'pt:PlaylistElement',
  position: num('pt:position'),
  videoChannelPosition: num('pt:videoChannelPosition'),
  startTimestamp: num('pt:startTimestamp'),
  stopTimestamp: num('pt:stopTimestamp'),
  expires: 'sc:expires',
  CacheFile: 'pt:CacheFile',
  // WatchAction, View, Download
  WatchAction: 'sc:WatchAction',
  DownloadAction: 'sc:DownloadAction',
  endTimestamp: num('pt:endTimestamp'),
  actionStatus: 'sc:actionStatus',
  watchSections: ref('pt:watchSections'),
  addressRegion: 'sc:addressRegion',
  addressCountry: 'sc:addressCountry',
  InteractionCounter: 'sc:InteractionCounter',
  interactionType: 'sc:interactionType',
  userInteractionCount: 'sc:userInteractionCount',
  // Comments, reply approval, chapters, player settings
  replyApproval: 'pt:replyApproval',
  ApproveReply: 'pt:ApproveReply',
  RejectReply: 'pt:RejectReply',
  hasPart: 'sc:hasPart',
  startOffset: 'sc:startOffset',
  endOffset: 'sc:endOffset',
  PlayerSettings: ref('pt:PlayerSettings'),
  theme: 'pt:theme',
  // Actors
  playlists: ref('pt:playlists'),
  postingRestrictedToMods: 'lemmy:postingRestrictedToMods',
  indexable: 'toot:indexable',
  discoverable: 'toot:discoverable',
  email: 'sc:email',
  manuallyApprovesFollowers: 'as:manuallyApprovesFollowers',
  movedTo: ref('as:movedTo'),
  featured: ref('toot:featured'),
  featuredTags: ref('toot:featuredTags'),
  // Mastodon notes
  atomUri: 'ostatus:atomUri',
  inReplyToAtomUri: 'ostatus:inReplyToAtomUri',
  conversation: 'ostatus:conversation',
  votersCount: 'toot:votersCount',
  blurhash: 'toot:blurhash',
  focalPoint: { '@container': '@list', '@id': 'toot:focalPoint' },
  Emoji: 'toot:Emoji',
};

export const KNOWN_CONTEXT = ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1', EXTENSION_TERMS];

/** Every term KNOWN_CONTEXT defines (all map to absolute IRIs or keywords; `@vocab` is not a term). */
export const KNOWN_TERMS: ReadonlySet<string> = new Set(
  [activityStreams['@context'], securityV1['@context'], EXTENSION_TERMS].flatMap((c) => Object.keys(c).filter((k) => !k.startsWith('@'))),
);

/** Terms whose value is a language map: its keys are language tags, not terms. */
export const LANGUAGE_MAP_TERMS: ReadonlySet<string> = new Set(['contentMap', 'nameMap', 'summaryMap']);

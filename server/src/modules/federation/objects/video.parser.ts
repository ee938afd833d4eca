import {
  apCaptionVttUrl,
  apFileLinkSchema,
  apHlsLinkSchema,
  apSha256LinkSchema,
  apSubtitleLanguageSchema,
  apVideoAttributedTo,
  apVideoIcons,
  apVideoTags,
  isPublicAudience,
  validItems,
  VIDEO_CATEGORIES,
  VIDEO_LANGUAGES,
  VIDEO_LICENCES,
  VideoCommentPolicy,
  VideoPrivacy,
  type ApFileLink,
  type VideoObjectIn,
} from '@shoal/models';

export interface RemoteFile {
  resolution: number;
  width: number;
  height: number;
  size: number;
  fps: number;
  fileUrl: string;
  hasAudio: boolean;
  hasVideo: boolean;
}

/** What a received `Video` becomes in our tables (remote = true), before the channel is resolved. */
export interface RemoteVideoData {
  url: string;
  uuid: string;
  name: string;
  category: number | null;
  licence: number | null;
  language: string | null;
  privacy: number;
  nsfw: boolean;
  description: string | null;
  support: string | null;
  tags: string[];
  duration: number;
  aspectRatio: number | null;
  views: number;
  state: number;
  waitTranscoding: boolean;
  commentsPolicy: number;
  downloadEnabled: boolean;
  isLive: boolean;
  publishedAt: Date;
  originallyPublishedAt: Date | null;
  updatedAt: Date;
  /** Largest icon first is not guaranteed: the caller picks by size. */
  icons: Array<{ url: string; width: number; height: number }>;
  hls: { playlistUrl: string; segmentsSha256Url: string | null; files: RemoteFile[] } | null;
  webVideos: RemoteFile[];
  /** The Person (first) and the Group, as URLs. */
  accountUrl: string | null;
  channelUrl: string;
  likesUrl: string | null;
  dislikesUrl: string | null;
  /** `subtitleLanguage`: one WebVTT URL (on the origin) per known language. */
  captions: Array<{ language: string; fileUrl: string }>;
}

const knownNumber = (v: string | undefined, labels: Record<number, string>) => {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && labels[n] ? n : null;
};

function codecHints(link: ApFileLink): { hasAudio: boolean; hasVideo: boolean } {
  const types = (link.attachment ?? []).flatMap((a) => {
    const o = a as { name?: unknown; value?: unknown };
    return o && o.name === 'ffprobe_codec_type' && typeof o.value === 'string' ? [o.value] : [];
  });
  // Without hints PeerTube assumes video + audio, audio only at resolution 0.
  if (types.length === 0) return { hasAudio: true, hasVideo: link.height !== 0 && link.mediaType !== 'audio/mp4' };
  return { hasAudio: types.includes('audio'), hasVideo: types.includes('video') };
}

function toFile(link: ApFileLink): RemoteFile {
  const width = link.width ?? 0;
  const resolution = width > 0 ? Math.min(link.height, width) : link.height;
  return { resolution, width, height: link.height, size: link.size, fps: link.fps ?? 0, fileUrl: link.href, ...codecHints(link) };
}

/** One file per resolution: the metadata/torrent links share the height but not the media type. */
function uniqueByResolution(files: RemoteFile[]): RemoteFile[] {
  const seen = new Map<number, RemoteFile>();
  for (const f of files) if (!seen.has(f.resolution)) seen.set(f.resolution, f);
  return [...seen.values()];
}

function hlsOf(o: VideoObjectIn): RemoteVideoData['hls'] {
  const [hls] = validItems(apHlsLinkSchema, o.url);
  if (!hls) return null;
  const [sha] = validItems(apSha256LinkSchema, hls.tag);
  return {
    playlistUrl: hls.href,
    segmentsSha256Url: sha?.href ?? null,
    files: uniqueByResolution(validItems(apFileLinkSchema, hls.tag).map(toFile)),
  };
}

function commentsPolicyOf(o: VideoObjectIn): number {
  if (o.commentsPolicy) return o.commentsPolicy;
  if (o.commentsEnabled !== undefined) return o.commentsEnabled ? VideoCommentPolicy.ENABLED : VideoCommentPolicy.DISABLED;
  // PeerTube: an absent or invalid policy means comments are disabled.
  return VideoCommentPolicy.DISABLED;
}

function description(o: VideoObjectIn): string | null {
  if (!o.content) return null;
  const text = o.content.slice(0, 10_000);
  return text.length >= 3 ? text : null;
}

/** Captions with a WebVTT link and a language we know; the first entry of a language wins. */
function captionsOf(o: VideoObjectIn): RemoteVideoData['captions'] {
  const byLanguage = new Map<string, string>();
  for (const caption of validItems(apSubtitleLanguageSchema, o.subtitleLanguage)) {
    const url = apCaptionVttUrl(caption);
    if (url && !byLanguage.has(caption.identifier)) byLanguage.set(caption.identifier, url);
  }
  return [...byLanguage].map(([language, fileUrl]) => ({ language, fileUrl }));
}

/** A validated `Video` object → our column values (spec §4.1 receiver rules). */
export function parseVideoObject(o: VideoObjectIn): RemoteVideoData {
  const attributed = apVideoAttributedTo(o);
  const channel = attributed.find((a) => a.type === 'Group') ?? attributed[1] ?? attributed[0];
  const account = attributed.find((a) => a.type === 'Person') ?? (attributed[0] !== channel ? attributed[0] : undefined);
  const language = o.language?.identifier;
  return {
    url: o.id,
    uuid: o.uuid.toLowerCase(),
    name: o.name,
    category: knownNumber(o.category?.identifier, VIDEO_CATEGORIES),
    licence: knownNumber(o.licence?.identifier, VIDEO_LICENCES),
    language: language && VIDEO_LANGUAGES[language] ? language : null,
    // Privacy comes from the audience: PUBLIC in `to` → public, anything else → unlisted.
    privacy: isPublicAudience(o.to) ? VideoPrivacy.PUBLIC : VideoPrivacy.UNLISTED,
    nsfw: o.sensitive,
    description: description(o),
    support: o.support ? o.support.slice(0, 1000) : null,
    tags: apVideoTags(o),
    duration: Number(/^PT(\d+)S$/.exec(o.duration)![1]),
    aspectRatio: o.aspectRatio ?? null,
    views: o.views,
    state: o.state,
    waitTranscoding: o.waitTranscoding,
    commentsPolicy: commentsPolicyOf(o),
    downloadEnabled: o.downloadEnabled,
    isLive: o.isLiveBroadcast,
    publishedAt: new Date(o.published),
    originallyPublishedAt: o.originallyPublishedAt ? new Date(o.originallyPublishedAt) : null,
    updatedAt: new Date(o.updated),
    icons: apVideoIcons(o).map((i) => ({ url: i.url, width: i.width, height: i.height })),
    hls: hlsOf(o),
    webVideos: uniqueByResolution(validItems(apFileLinkSchema, o.url).map(toFile)),
    accountUrl: account?.id ?? null,
    channelUrl: channel.id,
    likesUrl: o.likes ?? null,
    dislikesUrl: o.dislikes ?? null,
    captions: captionsOf(o),
  };
}

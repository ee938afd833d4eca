import {
  VIDEO_CATEGORIES,
  VIDEO_LANGUAGES,
  VIDEO_LICENCES,
  VideoCommentPolicy,
  AS_PUBLIC,
  type ApImage,
  type ApVideoObject,
} from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { hlsFileUrl, IMAGE_SIZES, STATIC_PATHS, toShortUuid, webVideoUrl, type VideoModel } from '../../videos';
import type { StreamingPlaylistModel, VideoFileModel } from '../../videos';
import { captionFileUrl, type VideoCaptionModel } from '../../video-captions';
import { videoAudience } from './video-audience';

type Ctx = Pick<AppContext, 'publicUrl'>;

/** A local video with channel → actor and account → actor, files and the streaming playlist loaded. */
export type VideoForAp = VideoModel;

const identified = (id: number | string | null | undefined, labels: Record<string | number, string>) =>
  id !== null && id !== undefined && labels[id] ? { identifier: String(id), name: labels[id] } : null;

/** PeerTube parses only whole seconds (`PT1H2M` would be misread). */
export const isoDuration = (seconds: number) => `PT${Math.max(0, Math.round(seconds))}S`;

function icons(ctx: Ctx, video: VideoForAp): ApImage[] {
  const out: ApImage[] = [];
  if (video.thumbnailFilename) {
    const { width, height } = IMAGE_SIZES.thumbnail;
    out.push({
      type: 'Image',
      url: `${ctx.publicUrl}${STATIC_PATHS.thumbnails}${video.thumbnailFilename}`,
      mediaType: 'image/jpeg',
      width,
      height,
    });
  }
  if (video.previewFilename) {
    const { width, height } = IMAGE_SIZES.preview;
    out.push({
      type: 'Image',
      url: `${ctx.publicUrl}${STATIC_PATHS.previews}${video.previewFilename}`,
      mediaType: 'image/jpeg',
      width,
      height,
    });
  }
  return out;
}

function fileAttachment(file: VideoFileModel, format: 'web-video' | 'fragmented') {
  return [
    ...(file.hasVideo ? [{ type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'video' }] : []),
    ...(file.hasAudio ? [{ type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'audio' }] : []),
    { type: 'PropertyValue', name: 'peertube_format_flag', value: format },
  ];
}

function fileLinks(ctx: AppContext, video: VideoForAp, file: VideoFileModel, hls: boolean) {
  const href = hls ? hlsFileUrl(ctx, video, file.filename) : webVideoUrl(ctx, video, file.filename);
  const dims = { height: file.height || file.resolution, width: file.width, fps: Math.round(file.fps) };
  return [
    {
      type: 'Link',
      mediaType: file.hasVideo || !hls ? 'video/mp4' : 'audio/mp4',
      href,
      ...dims,
      size: file.size,
      attachment: fileAttachment(file, hls ? 'fragmented' : 'web-video'),
    },
    {
      type: 'Link',
      rel: ['metadata', 'video/mp4'],
      mediaType: 'application/json',
      href: `${ctx.publicUrl}/api/v1/videos/${video.uuid}/metadata/${file.id}`,
      ...dims,
    },
  ];
}

const byHeightDesc = (a: VideoFileModel, b: VideoFileModel) => b.resolution - a.resolution;

function hlsLink(ctx: AppContext, video: VideoForAp, playlist: StreamingPlaylistModel) {
  return {
    type: 'Link',
    mediaType: 'application/x-mpegURL',
    href: hlsFileUrl(ctx, video, playlist.playlistFilename),
    tag: [
      { type: 'Link', name: 'sha256', mediaType: 'application/json', href: hlsFileUrl(ctx, video, playlist.segmentsSha256Filename) },
      ...[...(playlist.files ?? [])].sort(byHeightDesc).flatMap((f) => fileLinks(ctx, video, f, true)),
    ],
  };
}

/** The `url` array: the short watch page first (Mastodon shows the first text/html link), then media. */
function urls(ctx: AppContext, video: VideoForAp): unknown[] {
  const wsScheme = ctx.publicUrl.startsWith('https') ? 'wss' : 'ws';
  const host = ctx.publicUrl.replace(/^https?:\/\//, '');
  const webVideos = (video.files ?? []).filter((f) => f.streamingPlaylistId === null).sort(byHeightDesc);
  return [
    { type: 'Link', mediaType: 'text/html', href: `${ctx.publicUrl}/w/${toShortUuid(video.uuid)}` },
    { type: 'Link', mediaType: 'text/html', href: video.url },
    ...webVideos.flatMap((f) => fileLinks(ctx, video, f, false)),
    ...(video.streamingPlaylist ? [hlsLink(ctx, video, video.streamingPlaylist)] : []),
    { type: 'Link', name: 'tracker-websocket', rel: ['tracker', 'websocket'], href: `${wsScheme}://${host}/tracker/socket` },
    { type: 'Link', name: 'tracker-http', rel: ['tracker', 'http'], href: `${ctx.publicUrl}/tracker/announce` },
  ];
}

/** Captions as PeerTube sends them (spec §4.4); only when the caller loaded them (findByIdWithFiles does). */
function subtitles(ctx: Ctx, video: VideoForAp): unknown[] {
  const captions = (video as VideoForAp & { captions?: VideoCaptionModel[] }).captions ?? [];
  return [...captions]
    .sort((a, b) => a.language.localeCompare(b.language))
    .map((c) => ({
      identifier: c.language,
      name: VIDEO_LANGUAGES[c.language] ?? c.language,
      automaticallyGenerated: c.automaticallyGenerated,
      url: [{ type: 'Link', mediaType: 'text/vtt', href: captionFileUrl(ctx, c) }],
    }));
}

/** A description PeerTube accepts: 3–10000 characters, or none at all. */
function content(description: string | null | undefined): string | null {
  if (!description || description.length < 3) return null;
  return description.slice(0, 10_000);
}

/** Local video → PeerTube's `Video` object (spec §4). The caller checks federability first. */
export function buildVideoObject(ctx: AppContext, video: VideoForAp): ApVideoObject {
  const channel = video.channel!;
  const account = channel.account!;
  const channelUrl = channel.actor!.url;
  const accountUrl = account.actor!.url;
  const policy = video.commentsPolicy;
  return {
    type: 'Video',
    id: video.url,
    uuid: video.uuid,
    name: video.name,
    duration: isoDuration(video.duration),
    tag: (video.tags ?? []).map((name) => ({ type: 'Hashtag' as const, name })),
    category: identified(video.category, VIDEO_CATEGORIES),
    licence: identified(video.licence, VIDEO_LICENCES),
    language: identified(video.language, VIDEO_LANGUAGES),
    views: video.views,
    sensitive: video.nsfw,
    waitTranscoding: video.waitTranscoding,
    state: video.state,
    commentsPolicy: policy,
    commentsEnabled: policy !== VideoCommentPolicy.DISABLED,
    canReply: policy === VideoCommentPolicy.ENABLED ? null : AS_PUBLIC,
    downloadEnabled: video.downloadEnabled,
    published: video.publishedAt.toISOString(),
    updated: video.updatedAt.toISOString(),
    originallyPublishedAt: video.originallyPublishedAt ? video.originallyPublishedAt.toISOString() : null,
    uploadDate: video.inputFileUpdatedAt ? video.inputFileUpdatedAt.toISOString() : null,
    mediaType: 'text/markdown',
    content: content(video.description),
    support: video.support ?? null,
    subtitleLanguage: subtitles(ctx, video),
    icon: icons(ctx, video),
    aspectRatio: video.aspectRatio ?? null,
    url: urls(ctx, video),
    likes: `${video.url}/likes`,
    dislikes: `${video.url}/dislikes`,
    shares: `${video.url}/announces`,
    comments: `${video.url}/comments`,
    hasParts: `${video.url}/chapters`,
    attributedTo: [accountUrl, channelUrl],
    isLiveBroadcast: video.isLive,
    liveSaveReplay: video.isLive ? false : null,
    permanentLive: video.isLive ? false : null,
    latencyMode: video.isLive ? 1 : null,
    ...videoAudience(video.privacy, { channelUrl, accountFollowersUrl: account.actor!.followersUrl }),
  };
}

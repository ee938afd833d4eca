import {
  resolutionLabel,
  VIDEO_CATEGORIES,
  VIDEO_COMMENT_POLICY_LABELS,
  VIDEO_CONSTRAINTS,
  VIDEO_LANGUAGES,
  VIDEO_LICENCES,
  VIDEO_PRIVACY_LABELS,
  VIDEO_STATE_LABELS,
  type Video,
  type VideoCommentPolicy,
  type VideoDetails,
  type VideoFile,
  type VideoPrivacy,
  type VideoState,
  type VideoStreamingPlaylist,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { serializeAccount, serializeAccountSummary } from '../accounts/account.serializer';
import { serializeChannel, serializeChannelSummary } from '../channels/channel.serializer';
import type { StreamingPlaylistModel, VideoFileModel } from './video-file.model';
import type { VideoModel } from './video.model';
import { DOWNLOAD_PATHS, hlsFileUrl, previewPath, thumbnailPath, webVideoUrl } from './video-paths';
import { toShortUuid } from './short-uuid';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function truncate(text: string | null): string | null {
  const max = VIDEO_CONSTRAINTS.truncatedDescription;
  if (!text || text.length <= max) return text;
  return `${text.slice(0, max - 3)}...`;
}

/** `Video` as list endpoints return it. */
export function serializeVideo(ctx: AppContext, video: VideoModel, opts: { withState?: boolean } = {}): Video {
  const channel = video.channel!;
  return {
    id: video.id,
    uuid: video.uuid,
    shortUUID: toShortUuid(video.uuid),
    url: video.url,
    name: video.name,
    category: { id: video.category ?? null, label: (video.category && VIDEO_CATEGORIES[video.category]) || 'Unknown' },
    licence: { id: video.licence ?? null, label: (video.licence && VIDEO_LICENCES[video.licence]) || 'Unknown' },
    language: { id: video.language ?? null, label: (video.language && VIDEO_LANGUAGES[video.language]) || 'Unknown' },
    privacy: { id: video.privacy, label: VIDEO_PRIVACY_LABELS[video.privacy as VideoPrivacy] },
    nsfw: video.nsfw,
    truncatedDescription: truncate(video.description ?? null),
    description: truncate(video.description ?? null),
    isLocal: !video.remote,
    duration: video.duration,
    aspectRatio: video.aspectRatio ?? null,
    views: video.views,
    viewers: 0,
    likes: video.likes,
    dislikes: video.dislikes,
    thumbnailPath: video.thumbnailFilename ? thumbnailPath(video.thumbnailFilename) : null,
    previewPath: video.previewFilename ? previewPath(video.previewFilename) : null,
    embedPath: `/videos/embed/${video.uuid}`,
    createdAt: video.createdAt.toISOString(),
    updatedAt: video.updatedAt.toISOString(),
    publishedAt: video.publishedAt.toISOString(),
    originallyPublishedAt: iso(video.originallyPublishedAt),
    isLive: video.isLive,
    account: serializeAccountSummary(ctx, channel.account!),
    channel: serializeChannelSummary(ctx, channel),
    ...(opts.withState
      ? { state: { id: video.state, label: VIDEO_STATE_LABELS[video.state as VideoState] }, waitTranscoding: video.waitTranscoding }
      : {}),
  };
}

function serializeFile(ctx: AppContext, video: VideoModel, file: VideoFileModel, hls: boolean): VideoFile {
  const url = file.fileUrl ?? (hls ? hlsFileUrl(ctx, video, file.filename) : webVideoUrl(ctx, video, file.filename));
  const download = hls
    ? `${ctx.publicUrl}${DOWNLOAD_PATHS.hlsVideos}${video.uuid}-${file.resolution}-fragmented.mp4`
    : `${ctx.publicUrl}${DOWNLOAD_PATHS.webVideos}${video.uuid}-${file.resolution}.mp4`;
  return {
    id: file.id,
    resolution: { id: file.resolution, label: resolutionLabel(file.resolution) },
    size: file.size,
    width: file.width,
    height: file.height,
    fps: file.fps,
    fileUrl: url,
    fileDownloadUrl: download,
    ...(hls && file.playlistFilename ? { playlistUrl: hlsFileUrl(ctx, video, file.playlistFilename) } : {}),
    torrentUrl: null,
    torrentDownloadUrl: null,
    magnetUri: null,
    metadataUrl: `${ctx.publicUrl}/api/v1/videos/${video.uuid}/metadata/${file.id}`,
    hasAudio: file.hasAudio,
    hasVideo: file.hasVideo,
    storage: video.remote ? null : 0,
  };
}

function serializePlaylist(ctx: AppContext, video: VideoModel, playlist: StreamingPlaylistModel): VideoStreamingPlaylist {
  return {
    id: playlist.id,
    type: 1,
    playlistUrl: playlist.playlistUrl ?? hlsFileUrl(ctx, video, playlist.playlistFilename),
    segmentsSha256Url: playlist.segmentsSha256Url ?? hlsFileUrl(ctx, video, playlist.segmentsSha256Filename),
    redundancies: [],
    files: (playlist.files ?? []).sort((a, b) => a.resolution - b.resolution).map((f) => serializeFile(ctx, video, f, true)),
  };
}

/** `VideoDetails` of `GET /videos/:id`; `withPrivateFields` adds what only the owner and moderators see. */
export function serializeVideoDetails(ctx: AppContext, video: VideoModel, opts: { withPrivateFields?: boolean } = {}): VideoDetails {
  const base = serializeVideo(ctx, video, { withState: true });
  const channel = video.channel!;
  const wsScheme = ctx.config.webserver.https ? 'wss' : 'ws';
  return {
    ...base,
    description: video.description ?? null,
    support: video.support ?? null,
    account: serializeAccount(ctx, channel.account!),
    channel: serializeChannel(ctx, channel),
    tags: video.tags,
    commentsPolicy: { id: video.commentsPolicy, label: VIDEO_COMMENT_POLICY_LABELS[video.commentsPolicy as VideoCommentPolicy] },
    commentsEnabled: video.commentsPolicy !== 2,
    downloadEnabled: video.downloadEnabled,
    trackerUrls: [`${ctx.publicUrl}/tracker/announce`, `${wsScheme}://${ctx.publicHost}/tracker/socket`],
    inputFileUpdatedAt: iso(video.inputFileUpdatedAt),
    state: base.state!,
    waitTranscoding: video.waitTranscoding,
    scheduledUpdate: null,
    files: (video.files ?? []).filter((f) => f.streamingPlaylistId === null).map((f) => serializeFile(ctx, video, f, false)),
    streamingPlaylists: video.streamingPlaylist ? [serializePlaylist(ctx, video, video.streamingPlaylist)] : [],
    ...(opts.withPrivateFields ? { transcodingError: video.transcodingError ?? null } : {}),
  };
}

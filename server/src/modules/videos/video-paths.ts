import { join } from 'node:path';
import { PRIVATE_FILE_PRIVACIES } from '@shoal/models';
import type { AppContext } from '../../platform/context';

/** URL prefixes of media files (PeerTube's layout). */
export const STATIC_PATHS = {
  hls: '/static/streaming-playlists/hls/',
  privateHls: '/static/streaming-playlists/hls/private/',
  webVideos: '/static/web-videos/',
  privateWebVideos: '/static/web-videos/private/',
  thumbnails: '/lazy-static/thumbnails/',
  previews: '/lazy-static/previews/',
} as const;

export const DOWNLOAD_PATHS = {
  webVideos: '/download/web-videos/',
  hlsVideos: '/download/streaming-playlists/hls/videos/',
  originals: '/download/original-video-files/',
} as const;

export const isPrivateFiles = (privacy: number) => PRIVATE_FILE_PRIVACIES.has(privacy);

type VideoRef = { uuid: string; privacy: number };

/** Folder of a video's HLS files; private privacies live under `private/`. */
export function hlsDir(ctx: AppContext, video: VideoRef, privacy = video.privacy): string {
  const base = join(ctx.dirs.streaming_playlists, 'hls');
  return isPrivateFiles(privacy) ? join(base, 'private', video.uuid) : join(base, video.uuid);
}

export function webVideoDir(ctx: AppContext, privacy: number): string {
  return isPrivateFiles(privacy) ? join(ctx.dirs.web_videos, 'private') : ctx.dirs.web_videos;
}

export function hlsFileUrl(ctx: AppContext, video: VideoRef, filename: string): string {
  const prefix = isPrivateFiles(video.privacy) ? STATIC_PATHS.privateHls : STATIC_PATHS.hls;
  return `${ctx.publicUrl}${prefix}${video.uuid}/${filename}`;
}

export function webVideoUrl(ctx: AppContext, video: VideoRef, filename: string): string {
  const prefix = isPrivateFiles(video.privacy) ? STATIC_PATHS.privateWebVideos : STATIC_PATHS.webVideos;
  return `${ctx.publicUrl}${prefix}${filename}`;
}

export const thumbnailPath = (filename: string) => STATIC_PATHS.thumbnails + filename;
export const previewPath = (filename: string) => STATIC_PATHS.previews + filename;
export const originalFilePath = (ctx: AppContext, keepFilename: string) => join(ctx.dirs.original_video_files, keepFilename);

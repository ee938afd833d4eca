import { extname } from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import { videoFileQuerySchema } from '@shoal/models';
import { AppError } from '../../platform/errors';
import { input } from '../../platform/http';
import { isPrivateFiles, viewerOf } from '../videos';
import type { FileRequest, VideoFileAccess } from './video-file-access.service';
import type { MediaVideo } from './video-file.repository';

/** Players check these; `send`'s own table would answer .m3u8 with another type. */
const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/x-mpegurl',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.ts': 'video/mp2t',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** PeerTube's max-age for server-side static files. */
export const PUBLIC_CACHE = 'public, max-age=7200';
/** Anything a credential unlocked must never sit in a shared cache. */
export const PRIVATE_CACHE = 'private, no-store';

/** The credentials a media request carries. */
export function fileRequestOf(req: Request): FileRequest {
  const query = input.query(videoFileQuerySchema, req);
  return { viewer: viewerOf(req), fileToken: query.videoFileToken };
}

/**
 * Files anyone may fetch for public and unlisted videos (images, captions) ask for the video
 * files' credentials when the video is private, internal or password-protected, so none of
 * them reveals such a video.
 */
export async function authorizeIfPrivate(req: Request, res: Response, video: MediaVideo, access: VideoFileAccess, auth: RequestHandler) {
  if (!isPrivateFiles(video.privacy)) return;
  // Bearer tokens are read only here: a stale token must not break public files.
  await new Promise<void>((ok, fail) => auth(req, res, (err?: unknown) => (err ? fail(err) : ok())));
  await access.authorize(video, fileRequestOf(req));
}

export const wantsTokenReinjection = (req: Request) => input.query(videoFileQuerySchema, req).reinjectVideoFileToken === true;

/**
 * Streams `file` from `root` with Range support. `root` bounds the path (send refuses
 * `..`), and callers have already matched `file` against a strict name pattern.
 */
export function sendMedia(res: Response, root: string, file: string, cacheControl: string): Promise<void> {
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (type) res.type(type);
  res.set('Cache-Control', cacheControl);
  return new Promise((resolve, reject) => {
    res.sendFile(file, { root, cacheControl: false, dotfiles: 'deny', acceptRanges: true }, (err?: Error & { status?: number }) => {
      if (!err) return resolve();
      // The client went away mid-stream: nothing left to answer.
      if (res.headersSent) return resolve();
      if (err.status === 416) {
        // send already set `Content-Range: bytes */<size>`.
        res.status(416).end();
        return resolve();
      }
      res.removeHeader('Cache-Control');
      res.removeHeader('Content-Disposition');
      reject(err.status && err.status < 500 ? AppError.notFound('File') : err);
    });
  });
}

/** `Content-Disposition: attachment` name: the video name without path or control characters. */
export function downloadName(videoName: string, suffix: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = videoName.replace(/[\x00-\x1f\x7f/\\:*?"<>|]+/g, '_').trim() || 'video';
  return `${safe}${suffix}`;
}

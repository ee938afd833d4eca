import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import cors from 'cors';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { VideoPrivacy } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { hlsDir, isPrivateFiles, STATIC_PATHS, webVideoDir } from '../videos';
import { HotFileCache } from './hot-file-cache';
import { injectVideoFileToken } from './hls-token-injection';
import { authorizeIfPrivate, fileRequestOf, PRIVATE_CACHE, PUBLIC_CACHE, sendMedia, wantsTokenReinjection } from './media-response';
import type { VideoFileAccess } from './video-file-access.service';
import { videoFileRepository, type VideoImageKind } from './video-file.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// One dot, before a known extension: no traversal, no hidden files, no sub-folders.
const HLS_FILE = /^[a-z0-9][a-z0-9-]*\.(?:m3u8|mp4|json|ts)$/i;
const WEB_VIDEO_FILE = /^[a-z0-9][a-z0-9-]*\.(?:mp4|m4a|webm|ogv)$/i;
const IMAGE_FILE = /^[a-z0-9][a-z0-9-]*\.(?:jpg|jpeg|png|webp)$/i;

const notFound = () => AppError.notFound('File');

/** Live segments and playlists (VOD fMP4 files are large and read by byte ranges: streamed). */
const HOT_FILE = /\.(?:ts|m3u8)$/i;
const HOT_TYPES: Record<string, string> = { ts: 'video/mp2t', m3u8: 'application/x-mpegurl' };

function sendHotFile(res: Response, file: string, body: Buffer): void {
  res.type(HOT_TYPES[file.slice(file.lastIndexOf('.') + 1).toLowerCase()]!);
  // res.set, not setHeader: the live route turns this into no-cache for running lives' playlists.
  res.set('Cache-Control', PUBLIC_CACHE);
  res.end(body);
}

/** The in-memory live HLS files, shared by the media routes and the fast path in front of Express. */
export function createHotHlsFiles(access: VideoFileAccess): HotFileCache {
  const hotFiles = new HotFileCache({ maxBytes: 64 * 1024 * 1024, maxFileBytes: 8 * 1024 * 1024, trustMs: 1000 });
  // A public video made private or deleted: its files left the public folder, so must the copies.
  access.onPublicFilesChanged(() => hotFiles.clear());
  return hotFiles;
}

/** Media files: public ones straight from disk, private ones after the one privacy rule. */
export function videoFileStaticRoutes(ctx: AppContext, access: VideoFileAccess, auth: RequestHandler, hotFiles: HotFileCache): Router {
  const router = Router();
  const prefixes = [STATIC_PATHS.hls, STATIC_PATHS.webVideos, STATIC_PATHS.thumbnails, STATIC_PATHS.previews];
  router.use(
    prefixes.map((p) => p.replace(/\/$/, '')),
    cors({ origin: '*' }),
  );

  /** Private HLS: the folder is always the private one, whatever the privacy is now. */
  router.get(`${STATIC_PATHS.privateHls}:uuid/:file`, auth, async (req, res) => {
    const { uuid, file } = req.params as { uuid: string; file: string };
    if (!UUID.test(uuid) || !HLS_FILE.test(file)) throw notFound();
    const video = await videoFileRepository.findVideoByUuid(uuid);
    if (!video) throw notFound();
    const { token } = await access.authorize(video, fileRequestOf(req));
    const root = hlsDir(ctx, video, VideoPrivacy.PRIVATE);
    if (token && file.endsWith('.m3u8') && wantsTokenReinjection(req)) return sendPlaylistWithToken(res, join(root, file), token);
    await sendMedia(res, root, file, PRIVATE_CACHE);
  });

  router.get(`${STATIC_PATHS.hls}:uuid/:file`, async (req, res) => {
    const { uuid, file } = req.params as { uuid: string; file: string };
    if (!UUID.test(uuid) || !HLS_FILE.test(file)) throw notFound();
    // Only the public folder: a private video's files are not under it.
    const root = hlsDir(ctx, { uuid: uuid.toLowerCase(), privacy: VideoPrivacy.PUBLIC });
    if (HOT_FILE.test(file) && !req.headers.range) {
      const hot = await hotFiles.get(join(root, file), file.endsWith('.ts'));
      if (hot) return sendHotFile(res, file, hot.body);
    }
    await sendMedia(res, root, file, PUBLIC_CACHE);
  });

  router.get(`${STATIC_PATHS.privateWebVideos}:file`, auth, async (req, res) => {
    const { file } = req.params as { file: string };
    if (!WEB_VIDEO_FILE.test(file)) throw notFound();
    const row = await videoFileRepository.findWebVideoFile(file);
    const video = row && (await videoFileRepository.findVideoById(row.videoId));
    if (!video) throw notFound();
    await access.authorize(video, fileRequestOf(req));
    await sendMedia(res, webVideoDir(ctx, VideoPrivacy.PRIVATE), file, PRIVATE_CACHE);
  });

  router.get(`${STATIC_PATHS.webVideos}:file`, async (req, res) => {
    const { file } = req.params as { file: string };
    if (!WEB_VIDEO_FILE.test(file)) throw notFound();
    await sendMedia(res, webVideoDir(ctx, VideoPrivacy.PUBLIC), file, PUBLIC_CACHE);
  });

  const image = (kind: VideoImageKind, root: string) => async (req: Request, res: Response) => {
    const { file } = req.params as { file: string };
    if (!IMAGE_FILE.test(file)) throw notFound();
    const video = await videoFileRepository.findVideoByImage(kind, file);
    if (!video) throw notFound();
    // PeerTube serves every thumbnail; ours of private videos ask for the files' credentials.
    await authorizeIfPrivate(req, res, video, access, auth);
    await sendMedia(res, root, file, isPrivateFiles(video.privacy) ? PRIVATE_CACHE : PUBLIC_CACHE);
  };
  router.get(`${STATIC_PATHS.thumbnails}:file`, image('thumbnail', ctx.dirs.thumbnails));
  router.get(`${STATIC_PATHS.previews}:file`, image('preview', ctx.dirs.previews));

  return router;
}

async function sendPlaylistWithToken(res: Response, path: string, token: string): Promise<void> {
  const playlist = await readFile(path, 'utf8').catch(() => {
    throw notFound();
  });
  res.set('Cache-Control', PRIVATE_CACHE).type('application/x-mpegurl; charset=utf-8').send(injectVideoFileToken(playlist, token));
}

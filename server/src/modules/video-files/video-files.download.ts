import cors from 'cors';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { DOWNLOAD_PATHS, hlsDir, webVideoDir } from '../videos';
import { downloadName, fileRequestOf, PRIVATE_CACHE, sendMedia } from './media-response';
import { ownerOnly, type VideoFileAccess } from './video-file-access.service';
import { videoFileRepository } from './video-file.repository';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HLS_DOWNLOAD = new RegExp(`^(${UUID})-(\\d{1,4})-fragmented\\.mp4$`, 'i');
const WEB_DOWNLOAD = new RegExp(`^(${UUID})-(\\d{1,4})\\.mp4$`, 'i');
const ORIGINAL_FILE = /^[a-z0-9][a-z0-9-]*\.[a-z0-9]{1,5}$/i;

const notFound = () => AppError.notFound('File');

/**
 * Attachment downloads. Same credentials as the files; renditions also need downloads to
 * be enabled on the video (its owner may always download), originals need the owner.
 */
export function videoFileDownloadRoutes(ctx: AppContext, access: VideoFileAccess, auth: RequestHandler): Router {
  const router = Router();
  router.use(
    Object.values(DOWNLOAD_PATHS).map((p) => p.replace(/\/$/, '')),
    cors({ origin: '*' }),
  );

  const rendition = (pattern: RegExp, hls: boolean) => async (req: Request, res: Response) => {
    const match = pattern.exec((req.params as { file: string }).file);
    if (!match) throw notFound();
    const video = await videoFileRepository.findVideoByUuid(match[1]);
    if (!video) throw notFound();
    const { access: granted } = await access.authorize(video, fileRequestOf(req));
    if (!video.downloadEnabled && granted !== 'owner') throw AppError.forbidden('Downloads are disabled for this video');
    const file = await videoFileRepository.findRendition(video.id, Number(match[2]), hls);
    if (!file) throw notFound();
    res.attachment(downloadName(video.name, `-${file.resolution}p.mp4`));
    await sendMedia(res, hls ? hlsDir(ctx, video) : webVideoDir(ctx, video.privacy), file.filename, PRIVATE_CACHE);
  };
  router.get(`${DOWNLOAD_PATHS.hlsVideos}:file`, auth, rendition(HLS_DOWNLOAD, true));
  router.get(`${DOWNLOAD_PATHS.webVideos}:file`, auth, rendition(WEB_DOWNLOAD, false));

  router.get(`${DOWNLOAD_PATHS.originals}:file`, auth, async (req, res) => {
    const { file } = req.params as { file: string };
    if (!ORIGINAL_FILE.test(file)) throw notFound();
    const source = await videoFileRepository.findSourceByKeepFilename(file);
    const video = source && (await videoFileRepository.findVideoById(source.videoId));
    if (!source || !video) throw notFound();
    await access.authorize(video, fileRequestOf(req), ownerOnly);
    res.attachment(downloadName(source.inputFilename, ''));
    await sendMedia(res, ctx.dirs.original_video_files, file, PRIVATE_CACHE);
  });

  return router;
}

import cors from 'cors';
import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isPrivateFiles } from '../videos';
import type { VideoFileAccess } from '../video-files';
// Direct file imports: the video-files index keeps these helpers to the media routes.
import { authorizeIfPrivate, PRIVATE_CACHE, PUBLIC_CACHE, sendMedia } from '../video-files/media-response';
import { videoFileRepository } from '../video-files/video-file.repository';
import { CAPTION_FILE, CAPTIONS_STATIC_PATH } from './caption-paths';
import { videoCaptionRepository } from './video-caption.repository';

const notFound = () => AppError.notFound('File');

/**
 * `/lazy-static/video-captions/<file>`. PeerTube serves every caption to anyone; we serve those
 * of public and unlisted videos freely and ask the others for the credentials their video files
 * need (bearer, password header or video file token), so no caption reveals a private video.
 */
export function videoCaptionStaticRoutes(ctx: AppContext, access: VideoFileAccess, auth: RequestHandler): Router {
  const router = Router();
  // Players of embeds on other sites load text tracks cross-origin.
  router.use(CAPTIONS_STATIC_PATH.replace(/\/$/, ''), cors({ origin: '*' }));

  router.get(`${CAPTIONS_STATIC_PATH}:file`, async (req, res) => {
    const { file } = req.params as { file: string };
    if (!CAPTION_FILE.test(file)) throw notFound();
    const caption = await videoCaptionRepository.findByFilename(file);
    const video = caption && (await videoFileRepository.findVideoById(caption.videoId));
    if (!video) throw notFound();
    await authorizeIfPrivate(req, res, video, access, auth);
    res.type('text/vtt; charset=utf-8');
    await sendMedia(res, ctx.dirs.captions, file, isPrivateFiles(video.privacy) ? PRIVATE_CACHE : PUBLIC_CACHE);
  });

  return router;
}

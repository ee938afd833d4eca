import { Router, type Request } from 'express';
import multer from 'multer';
import { CAPTION_FILE_FIELD, ServerErrorCode, VIDEO_CAPTION_CONSTRAINTS, videoCaptionParamsSchema } from '@shoal/models';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { parseVideoId, viewerOf } from '../videos';
import type { VideoCaptionService } from './video-caption.service';

/** Caption files are small text: kept in memory, checked, converted, then written once. */
const captionFile = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: VIDEO_CAPTION_CONSTRAINTS.maxBytes, files: 1, fields: 10 },
}).single(CAPTION_FILE_FIELD);

function uploadedCaption(req: Request) {
  if (!req.file) {
    throw new AppError(400, ServerErrorCode.VALIDATION_ERROR, `The ${CAPTION_FILE_FIELD} file is required`, {
      invalidParams: { [CAPTION_FILE_FIELD]: { location: 'body', msg: 'Required', param: CAPTION_FILE_FIELD, value: undefined } },
    });
  }
  return { buffer: req.file.buffer, originalname: req.file.originalname };
}

/** `/videos/:id/captions[/:captionLanguage]` (PeerTube's API). */
export function videoCaptionRoutes(captions: VideoCaptionService): Router {
  const router = Router();

  router.get('/videos/:id/captions', async (req, res) => {
    const result = await captions.list(parseVideoId(req), viewerOf(req));
    // Captions of a non-public video must not be kept by shared caches.
    if (result.access !== 'public') res.set('Cache-Control', 'private, no-store');
    res.json({ total: result.captions.length, data: result.captions });
  });

  router.put(
    '/videos/:id/captions/:captionLanguage',
    // Cheap checks first: nobody's 20 MB is read for a request refused anyway.
    (req, _res, next) => {
      requireUser(req);
      input.params(videoCaptionParamsSchema, req);
      next();
    },
    captionFile,
    async (req, res) => {
      const { id, captionLanguage } = input.params(videoCaptionParamsSchema, req);
      await captions.upsert(requireUser(req), id, captionLanguage, uploadedCaption(req));
      res.status(204).end();
    },
  );

  router.delete('/videos/:id/captions/:captionLanguage', async (req, res) => {
    const { id, captionLanguage } = input.params(videoCaptionParamsSchema, req);
    await captions.remove(requireUser(req), id, captionLanguage);
    res.status(204).end();
  });

  return router;
}

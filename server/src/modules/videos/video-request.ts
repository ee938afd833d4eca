import type { Request } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { VIDEO_CONSTRAINTS, videoIdSchema } from '@shoal/models';
import { input } from '../../platform/http';
import type { Viewer } from './video-access';

export const VIDEO_PASSWORD_HEADER = 'x-peertube-video-password';

/** Who is asking: bearer user and/or the video password header. */
export function viewerOf(req: Request): Viewer {
  const password = req.get(VIDEO_PASSWORD_HEADER);
  return { auth: req.auth, password: password === undefined ? undefined : password };
}

export const videoIdParams = z.object({ id: videoIdSchema });
export const parseVideoId = (req: Request) => input.params(videoIdParams, req).id;

/** Multipart images of upload/update forms, kept in memory (small, resized right away). */
export const imageFields = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: VIDEO_CONSTRAINTS.image.maxBytes, files: 2, fields: 100 },
}).fields([
  { name: 'thumbnailfile', maxCount: 1 },
  { name: 'previewfile', maxCount: 1 },
]);

export function uploadedImages(req: Request): { thumbnail?: Buffer; preview?: Buffer } {
  const files = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
  return { thumbnail: files.thumbnailfile?.[0]?.buffer, preview: files.previewfile?.[0]?.buffer };
}

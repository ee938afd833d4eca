import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type Request } from 'express';
import multer from 'multer';
import { videoUploadSchema, type VideoCreateResult } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { toShortUuid } from '../videos';
import type { VideoCreationService } from './video-creation.service';

type Files = Record<string, Express.Multer.File[] | undefined>;

async function readImage(files: Files, field: string): Promise<Buffer | undefined> {
  const f = files[field]?.[0];
  return f ? readFile(f.path) : undefined;
}

async function removeAll(files: Files): Promise<void> {
  await Promise.all(Object.values(files).flatMap((list) => (list ?? []).map((f) => rm(f.path, { force: true }))));
}

/** `POST /videos/upload`: the whole file in one multipart request. */
export function legacyUploadRoutes(ctx: AppContext, creation: VideoCreationService): Router {
  const router = Router();
  const dir = join(ctx.dirs.tmp, 'uploads');
  mkdirSync(dir, { recursive: true });
  const upload = multer({
    storage: multer.diskStorage({ destination: dir, filename: (_req, _file, cb) => cb(null, randomUUID()) }),
    limits: { fileSize: ctx.config.uploads.max_file_size, files: 3, fields: 200 },
  }).fields([
    { name: 'videofile', maxCount: 1 },
    { name: 'thumbnailfile', maxCount: 1 },
    { name: 'previewfile', maxCount: 1 },
  ]);

  router.post(
    '/videos/upload',
    (req, _res, next) => {
      requireUser(req);
      next();
    },
    upload,
    async (req: Request, res) => {
      const files = (req.files ?? {}) as Files;
      try {
        const me = requireUser(req);
        const body = input.body(videoUploadSchema, req);
        const video = files.videofile?.[0];
        if (!video) throw AppError.badRequest('videofile is required');
        const images = { thumbnail: await readImage(files, 'thumbnailfile'), preview: await readImage(files, 'previewfile') };
        const created = await creation.create(me, body, { path: video.path, filename: video.originalname, size: video.size }, images);
        const result: VideoCreateResult = { video: { id: created.id, uuid: created.uuid, shortUUID: toShortUuid(created.uuid) } };
        res.json(result);
      } finally {
        await removeAll(files);
      }
    },
  );
  return router;
}

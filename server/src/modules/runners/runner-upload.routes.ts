import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { runnerJobSuccessSchema, runnerJobUpdateSchema, runnerJobUuidParamsSchema } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input } from '../../platform/http';
import type { RunnerJobService } from './runner-job.service';
import type { RunnerJobCompletion, UploadedFiles } from './runner-job.success';

/** File fields runners may send (spec §6.3/§6.4, plus Shoal's ladder results); others are refused. */
const FILE_FIELD =
  /^payload\[(videoFile|resolutionPlaylistFile|videoChunkFile|masterPlaylistFile|vttFile|storyboardFile)\]$|^payload\[renditions\]\[\d{1,2}\]\[(videoFile|resolutionPlaylistFile)\]$/;

/**
 * `update` and `success` are always multipart (even without files). Files land in a temporary
 * folder, are checked, and whatever the handler did not move away is deleted afterwards.
 */
export function runnerUploadRoutes(ctx: AppContext, jobs: RunnerJobService, completion: RunnerJobCompletion): Router {
  const router = Router();
  const dest = join(ctx.dirs.tmp, 'runner-uploads');
  mkdirSync(dest, { recursive: true });
  const upload = multer({
    dest,
    limits: { files: 42, fields: 200, fileSize: ctx.config.uploads.max_file_size },
    fileFilter: (_req, file, cb) => {
      if (FILE_FIELD.test(file.fieldname)) cb(null, true);
      else cb(AppError.badRequest(`Unexpected file field ${file.fieldname}`));
    },
  }).any();

  const withFiles =
    (handler: (req: Request, files: UploadedFiles) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
      upload(req, res, (err: unknown) => {
        const uploaded = (req.files as Express.Multer.File[] | undefined) ?? [];
        const cleanup = () => Promise.all(uploaded.map((f) => rm(f.path, { force: true })));
        if (err) {
          void cleanup();
          return next(err instanceof AppError ? err : AppError.badRequest(`Invalid multipart body: ${(err as Error).message}`));
        }
        const files: UploadedFiles = new Map(uploaded.map((f) => [f.fieldname, f.path]));
        handler(req, files).then(
          () => {
            void cleanup();
            res.status(204).end();
          },
          (e) => {
            void cleanup();
            next(e);
          },
        );
      });
    };

  router.post(
    '/runners/jobs/:jobUUID/update',
    withFiles(async (req, files) => {
      const { jobUUID } = input.params(runnerJobUuidParamsSchema, req);
      await jobs.update(jobUUID, input.body(runnerJobUpdateSchema, req), files);
    }),
  );
  router.post(
    '/runners/jobs/:jobUUID/success',
    withFiles(async (req, files) => {
      const { jobUUID } = input.params(runnerJobUuidParamsSchema, req);
      const body = input.body(runnerJobSuccessSchema, req);
      await completion.success(await jobs.held(jobUUID, body.runnerToken, body.jobToken), files);
    }),
  );
  return router;
}

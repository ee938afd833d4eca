import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type Request, type Response } from 'express';
import { RunnerJobState, runnerJobTokensSchema, ServerErrorCode } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input } from '../../platform/http';
import { writePlainBackground } from '../transcoding';
import { originalFilePath, VideoModel, VideoSourceModel } from '../videos';
import type { RunnerJobRepository, RunnerJobRow } from './runner-job.repository';
import type { RunnerJobService } from './runner-job.service';
import { runDir } from './runner-job.success';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Input downloads (spec §8): POST with both tokens; only the runner holding the job gets its files. */
export function runnerFileRoutes(ctx: AppContext, jobs: RunnerJobService, repo: RunnerJobRepository): Router {
  const router = Router();

  const heldJob = async (req: Request): Promise<RunnerJobRow> => {
    const body = input.body(runnerJobTokensSchema, req);
    const job = await jobs.held(String(req.params.jobUUID), body.runnerToken, body.jobToken);
    if (job.state !== RunnerJobState.PROCESSING) {
      throw AppError.badRequest('This job is not in processing state', ServerErrorCode.RUNNER_JOB_NOT_IN_PROCESSING_STATE);
    }
    const p = job.privatePayload;
    if (req.params.videoId !== p.videoUUID && req.params.videoId !== String(p.videoId)) {
      throw AppError.forbidden('This file does not belong to the job');
    }
    return job;
  };

  /** The original upload, or what the parent job made from it (audio merged with a picture). */
  const inputFile = async (job: RunnerJobRow): Promise<string> => {
    if (job.dependsOnRunnerJobId) {
      const parent = (await repo.byRun(job.runId)).find((j) => j.id === job.dependsOnRunnerJobId);
      if (parent?.privatePayload.mergedPath) return parent.privatePayload.mergedPath;
    }
    const source = await VideoSourceModel.findByPk(job.privatePayload.sourceId);
    if (!source?.keepFilename) throw AppError.notFound('Input file');
    return originalFilePath(ctx, source.keepFilename);
  };

  const sendInput = async (req: Request, res: Response) => {
    const path = await inputFile(await heldJob(req));
    if (!(await exists(path))) throw AppError.notFound('Input file');
    res.sendFile(path);
  };
  router.post('/runners/jobs/:jobUUID/files/videos/:videoId/max-quality', sendInput);
  router.post('/runners/jobs/:jobUUID/files/videos/:videoId/max-quality/audio', sendInput);

  const sendPreview = async (req: Request, res: Response) => {
    const job = await heldJob(req);
    const video = await VideoModel.findByPk(job.privatePayload.videoId);
    const preview = video?.previewFilename ? join(ctx.dirs.previews, video.previewFilename) : null;
    if (preview && (await exists(preview))) return res.sendFile(preview);
    // Audio without a picture: the same plain background the local pipeline uses.
    const dir = runDir(ctx, job.runId);
    await mkdir(dir, { recursive: true });
    res.sendFile(await writePlainBackground(dir));
  };
  router.post('/runners/jobs/:jobUUID/files/videos/:videoId/previews/max-quality', sendPreview);
  router.post('/runners/jobs/:jobUUID/files/videos/:videoId/thumbnails/max-quality', sendPreview);

  return router;
}

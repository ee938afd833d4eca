import { rm } from 'node:fs/promises';
import { UnrecoverableError } from 'bullmq';
import type { JobPayload } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { defineJob, type JobContext, type JobDefinition } from '../../platform/queue';
import { VideoSourceModel } from '../videos';
import { publishRenditions } from './publish-renditions';
import { createScratchDir, removeStaleScratchDirs } from './scratch-dir';
import { describeTranscodingFailure, isPermanentFailure } from './transcoding-error';
import { buildRenditions } from './transcoding.pipeline';
import { transcodingRepository as repo } from './transcoding.repository';
import type { TranscodingSettings } from './transcoding-settings';

type Ids = JobPayload<'transcode-video'>;

/** A crash or a killed ffmpeg earns one more run; an input ffmpeg refuses does not (see isPermanentFailure). */
export const TRANSCODE_ATTEMPTS = 2;

/** Job progress in whole percents, at most about once a second: each update is a Redis write. */
function progressReporter(job: JobContext): (fraction: number) => void {
  let last = -1;
  let lastAt = 0;
  return (fraction) => {
    const percent = Math.min(99, Math.floor(fraction * 100));
    const now = Date.now();
    if (percent <= last || (now - lastAt < 1000 && percent - last < 10)) return;
    last = percent;
    lastAt = now;
    job.updateProgress(percent).catch(() => undefined);
  };
}

/** One run: skip stale versions, clean what a killed run left, build in scratch, publish. */
async function transcodeVersion(ctx: AppContext, settings: TranscodingSettings, ids: Ids, job: JobContext): Promise<void> {
  const video = await repo.findVideo(ids.videoId);
  const source = await VideoSourceModel.findByPk(ids.sourceId);
  const current = await repo.currentSource(ids.videoId);
  if (!video || !source || source.videoId !== video.id || current?.id !== source.id) {
    ctx.logger.info({ ...ids }, 'transcoding skipped: the video is gone or has a newer version');
    return;
  }
  const stale = await removeStaleScratchDirs(ctx, ids.videoId);
  if (stale.length) ctx.logger.info({ ...ids, stale }, 'removed the scratch folders of an interrupted transcode');
  const dir = await createScratchDir(ctx, ids.videoId, ids.sourceId);
  const started = Date.now();
  try {
    const step = { dir, settings, signal: job.signal, progress: progressReporter(job) };
    const out = await buildRenditions(ctx, video, source, step);
    const outcome = await publishRenditions(ctx, ids, out, { hls: settings.hls });
    await job.updateProgress(100);
    ctx.logger.info({ ...ids, outcome, ms: Date.now() - started }, 'transcoding finished');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runTranscodeJob(ctx: AppContext, settings: TranscodingSettings, ids: Ids, job: JobContext): Promise<void> {
  try {
    await transcodeVersion(ctx, settings, ids, job);
  } catch (err) {
    // Shutdown stopped ffmpeg: no failure. The queue puts the job back without spending
    // an attempt; the video must not be marked failed.
    if (job.signal.aborted) throw err;
    const permanent = isPermanentFailure(err);
    if (!permanent && job.attempt < TRANSCODE_ATTEMPTS) throw err;
    const message = describeTranscodingFailure(err, Object.values(ctx.dirs));
    const marked = await repo.markFailed(ctx.sequelize, ids.videoId, ids.sourceId, message);
    ctx.logger.warn({ ...ids, attempt: job.attempt, marked, err: (err as Error).message }, 'transcoding failed');
    if (marked) await ctx.events.emit('video-transcoding-failed', { videoId: ids.videoId });
    // Unrecoverable: BullMQ must not retry what ffmpeg refused.
    throw permanent ? new UnrecoverableError(message) : err;
  }
}

/**
 * `transcode-video`: the HLS ladder (and web videos) of a video version, then publication.
 * Idempotent: a run works in its own scratch folder and publishes in one transaction, so a
 * run after a crash, or twice, ends with one complete set of renditions.
 */
export function transcodeVideoJob(ctx: AppContext, settings: TranscodingSettings): JobDefinition<'transcode-video'> {
  return defineJob({
    name: 'transcode-video',
    concurrency: settings.concurrency,
    attempts: TRANSCODE_ATTEMPTS,
    backoffMs: 5_000,
    // BullMQ renews the lock every half of it while ffmpeg runs; after a kill the job
    // returns to the queue within one to two lock durations.
    lockDurationMs: settings.lockDurationMs,
    stalledIntervalMs: settings.lockDurationMs,
    handler: (ids, job) => runTranscodeJob(ctx, settings, ids, job),
  });
}

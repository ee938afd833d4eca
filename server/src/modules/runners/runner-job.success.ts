import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateRenditionBaseName, hlsRenditionFileNames, type HlsRenditionOutput } from '@shoal/ffmpeg';
import { RunnerJobState, ServerErrorCode } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { publishExternalRenditions, transcodingRepository, type TranscodingSettings } from '../transcoding';
import type { RunnerJobRepository, RunnerJobRow } from './runner-job.repository';
import type { RunnerJobService } from './runner-job.service';
import type { ExpectedRendition, StoredHlsResult } from './runner-job.types';
import { checkMediaResult, checkPlaylistResult, InvalidResultError } from './runner-result.check';

/** Uploaded multipart files by field name (`payload[videoFile]`, `payload[renditions][0][videoFile]`…). */
export type UploadedFiles = Map<string, string>;

interface CheckedHls {
  expected: ExpectedRendition;
  mediaPath: string;
  playlistText: string;
  mediaName: string;
}

/** Where accepted results of a run wait until the run is published. */
export function runDir(ctx: AppContext, runId: string): string {
  return join(ctx.dirs.tmp, 'runner-results', runId);
}

/** `success`: check every file against the job, then import, then publish once the run is whole. */
export class RunnerJobCompletion {
  constructor(
    private readonly ctx: AppContext,
    private readonly settings: TranscodingSettings,
    private readonly jobs: RunnerJobRepository,
    private readonly service: RunnerJobService,
  ) {}

  async success(job: RunnerJobRow, files: UploadedFiles): Promise<void> {
    if (job.state !== RunnerJobState.PROCESSING) {
      throw AppError.badRequest('This job is not in processing state', ServerErrorCode.RUNNER_JOB_NOT_IN_PROCESSING_STATE);
    }
    // A live's chunks came with its updates: success only says the stream ended (spec §7.4).
    if (job.type === 'live-rtmp-hls-transcoding') {
      await this.jobs.transition(job.id, [RunnerJobState.PROCESSING], RunnerJobState.COMPLETED, { finished: true });
      return;
    }
    let checked: CheckedHls[] | string;
    try {
      checked = await this.check(job, files);
    } catch (err) {
      if (!(err instanceof InvalidResultError)) throw err;
      // A bad result counts as an error: retried elsewhere, and five of them fail the video.
      await this.service.recordFailure(job, `Invalid result: ${err.message}`);
      throw AppError.badRequest(`Payload is invalid: ${err.message}`);
    }
    if (!(await this.jobs.transition(job.id, [RunnerJobState.PROCESSING], RunnerJobState.COMPLETING))) {
      throw AppError.conflict('This job is not in processing state anymore');
    }
    try {
      await this.store(job, checked);
      await this.jobs.transition(job.id, [RunnerJobState.COMPLETING], RunnerJobState.COMPLETED, { finished: true });
    } catch (err) {
      this.ctx.logger.error({ err, job: job.uuid }, 'importing a runner result failed');
      await this.jobs.transition(job.id, [RunnerJobState.COMPLETING], RunnerJobState.ERRORED, {
        finished: true,
        error: (err as Error).message,
      });
      await this.service.failRun(job, (err as Error).message);
      return;
    }
    if ((await this.jobs.releaseChildren(job.id)) > 0) this.service.notifier.notify();
    await this.publishIfWhole(job);
  }

  /** @returns the checked HLS renditions, or the path of a checked single video file */
  private async check(job: RunnerJobRow, files: UploadedFiles): Promise<CheckedHls[] | string> {
    const p = job.privatePayload;
    const need = (field: string) => {
      const path = files.get(field);
      if (!path) throw new InvalidResultError(`Missing file ${field}`);
      return path;
    };
    if (job.type === 'vod-hls-transcoding' || job.type === 'vod-hls-ladder-transcoding') {
      const fields = (i: number) =>
        job.type === 'vod-hls-ladder-transcoding'
          ? [`payload[renditions][${i}][videoFile]`, `payload[renditions][${i}][resolutionPlaylistFile]`]
          : ['payload[videoFile]', 'payload[resolutionPlaylistFile]'];
      const out: CheckedHls[] = [];
      for (const [i, expected] of p.renditions.entries()) {
        const [mediaField, playlistField] = fields(i);
        const mediaPath = need(mediaField!);
        const probe = await checkMediaResult(mediaPath, expected, p.duration, mediaField!);
        const { text, mediaName } = await checkPlaylistResult(need(playlistField!), probe.size);
        out.push({ expected, mediaPath, playlistText: text, mediaName });
      }
      return out;
    }
    const path = need('payload[videoFile]');
    await checkMediaResult(path, p.renditions[0]!, p.duration, 'payload[videoFile]');
    return path;
  }

  /** Moves checked files into the run folder under server-chosen names. */
  private async store(job: RunnerJobRow, checked: CheckedHls[] | string): Promise<void> {
    const dir = runDir(this.ctx, job.runId);
    await mkdir(join(dir, 'hls'), { recursive: true });
    const p = { ...job.privatePayload };
    if (typeof checked === 'string') {
      p.mergedPath = join(dir, `${job.uuid}.mp4`);
      await rename(checked, p.mergedPath);
    } else {
      p.results = [];
      for (const c of checked) {
        const names = hlsRenditionFileNames(generateRenditionBaseName(c.expected.resolution));
        const result: StoredHlsResult = {
          resolution: c.expected.resolution,
          mediaPath: join(dir, 'hls', names.media),
          playlistPath: join(dir, 'hls', names.playlist),
        };
        await rename(c.mediaPath, result.mediaPath);
        // The runner named the fMP4 its own way; the playlist must point at ours.
        await writeFile(result.playlistPath, c.playlistText.split(c.mediaName).join(names.media));
        p.results.push(result);
      }
    }
    await this.jobs.setPrivatePayload(job.id, p);
  }

  private async publishIfWhole(job: RunnerJobRow): Promise<void> {
    if (!(await this.jobs.claimRun(job.runId))) return;
    const { videoId, sourceId, duration } = job.privatePayload;
    const dir = runDir(this.ctx, job.runId);
    try {
      const results = (await this.jobs.byRun(job.runId)).flatMap((j) => j.privatePayload.results ?? []);
      const outputs: HlsRenditionOutput[] = [];
      for (const r of results) {
        await stat(r.mediaPath);
        outputs.push({
          rendition: { resolution: r.resolution, width: 0, height: 0, fps: 0, videoBitrate: 0, audioBitrate: 0, fromStillImage: false },
          playlist: r.playlistPath.split('/').pop()!,
          media: r.mediaPath.split('/').pop()!,
          playlistPath: r.playlistPath,
          mediaPath: r.mediaPath,
        });
      }
      const outcome = await publishExternalRenditions(this.ctx, this.settings, { videoId, sourceId }, outputs, dir, duration);
      this.ctx.logger.info({ videoId, runId: job.runId, outcome }, 'runner transcoding published');
    } catch (err) {
      this.ctx.logger.error({ err, videoId }, 'publishing runner results failed');
      const message = `Publishing the runner results failed: ${(err as Error).message}`;
      if (await transcodingRepository.markFailed(this.ctx.sequelize, videoId, sourceId, message)) {
        await this.ctx.events.emit('video-transcoding-failed', { videoId });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

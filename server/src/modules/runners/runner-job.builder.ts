import { randomUUID } from 'node:crypto';
import { RunnerJobState, type LadderRendition, type RunnerJobType } from '@shoal/models';
import type { Rendition } from '@shoal/ffmpeg';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { planFor, readSource, type TranscodingSettings } from '../transcoding';
import { VideoModel, VideoSourceModel } from '../videos';
import type { RunnerJobRepository, RunnerJobRow } from './runner-job.repository';
import type { RunnerJobPrivatePayload } from './runner-job.types';

/** PeerTube serves transcoding jobs from priority 100; lower goes first. */
const VOD_PRIORITY = 100;

const toLadder = (r: Rendition): LadderRendition => ({
  resolution: r.resolution,
  width: r.width,
  height: r.height,
  fps: r.fps,
  videoBitrate: r.videoBitrate,
  audioBitrate: r.audioBitrate,
});

/** Creates the runner jobs of a video version and turns ladder jobs into per-rendition ones. */
export class RunnerJobBuilder {
  constructor(
    private readonly ctx: AppContext,
    private readonly settings: TranscodingSettings,
    private readonly jobs: RunnerJobRepository,
  ) {}

  /** Runner download URL of a job's input (POST with the tokens, spec §8). */
  inputUrl(jobUuid: string, videoUUID: string, file: 'max-quality' | 'previews/max-quality'): string {
    return `${this.ctx.publicUrl}/api/v1/runners/jobs/${jobUuid}/files/videos/${videoUUID}/${file}`;
  }

  /**
   * A video source becomes ONE ladder job (Shoal runners do it in one pass; others get it
   * split on request). An audio source becomes PeerTube's chain: merge with a picture, then
   * one HLS job per rendition of the merged video.
   */
  async createVodJobs(videoId: number, sourceId: number): Promise<void> {
    const video = await VideoModel.findByPk(videoId);
    const source = await VideoSourceModel.findByPk(sourceId);
    if (!video || !source) return;
    const probe = await readSource(this.ctx, source);
    const base = { videoId, videoUUID: video.uuid, sourceId, duration: probe.duration };
    const runId = randomUUID();
    if (probe.hasVideo) {
      const plan = planFor(probe, this.settings);
      const uuid = randomUUID();
      const payload = {
        input: { videoFileUrl: this.inputUrl(uuid, video.uuid, 'max-quality') },
        output: {
          renditions: plan.renditions.map(toLadder),
          segmentDuration: this.settings.segmentDuration,
          copyAudio: plan.copyAudio,
          videoStreamIndex: plan.videoStreamIndex,
          audioStreamIndex: plan.audioStreamIndex,
        },
      };
      const privatePayload = { ...base, renditions: plan.renditions.map(toLadder) };
      await this.insert(uuid, 'vod-hls-ladder-transcoding', payload, privatePayload, runId, null);
      return;
    }
    await this.createAudioChain(probe.duration, base, runId, planFor(probe, this.settings).renditions);
  }

  private async createAudioChain(duration: number, base: Omit<RunnerJobPrivatePayload, 'renditions'>, runId: string, plan: Rendition[]) {
    const still = plan.find((r) => r.fromStillImage);
    if (!still) throw new Error('The plan of an audio file has no still-image rendition');
    const parentUuid = randomUUID();
    const merge = {
      input: {
        audioFileUrl: this.inputUrl(parentUuid, base.videoUUID, 'max-quality'),
        previewFileUrl: this.inputUrl(parentUuid, base.videoUUID, 'previews/max-quality'),
      },
      output: { resolution: still.resolution, fps: still.fps },
    };
    const parentId = await this.insert(
      parentUuid,
      'vod-audio-merge-transcoding',
      merge,
      { ...base, renditions: [toLadder(still)] },
      runId,
      null,
    );
    for (const r of plan) {
      await this.insertHls({ ...base, duration }, toLadder(r), runId, parentId);
    }
  }

  private async insertHls(base: Omit<RunnerJobPrivatePayload, 'renditions'>, r: LadderRendition, runId: string, parentId: number | null) {
    const uuid = randomUUID();
    const payload = {
      input: { videoFileUrl: this.inputUrl(uuid, base.videoUUID, 'max-quality'), separatedAudioFileUrl: [] },
      output: { resolution: r.resolution, fps: r.fps, separatedAudio: false },
    };
    return this.insert(uuid, 'vod-hls-transcoding', payload, { ...base, renditions: [r] }, runId, parentId);
  }

  private insert(
    uuid: string,
    type: RunnerJobType,
    payload: object,
    privatePayload: RunnerJobPrivatePayload,
    runId: string,
    parentId: number | null,
  ) {
    return this.jobs.insert({
      uuid,
      type,
      payload,
      privatePayload,
      state: parentId === null ? RunnerJobState.PENDING : RunnerJobState.WAITING_FOR_PARENT_JOB,
      // The top rendition first: it is what viewers need before the lower ones.
      priority: VOD_PRIORITY + (privatePayload.renditions.length === 1 ? ranks(privatePayload.renditions[0]!) : 0),
      videoId: privatePayload.videoId,
      runId,
      dependsOnRunnerJobId: parentId,
    });
  }

  /**
   * For a runner that does not do the one-pass ladder (PeerTube's): each pending ladder job
   * is replaced, in one transaction, by one `vod-hls-transcoding` job per rendition.
   */
  async splitLadderJobs(ladders: RunnerJobRow[]): Promise<number> {
    let split = 0;
    for (const job of ladders) {
      const done = await withTransaction(this.ctx.sequelize, async (transaction) => {
        const [gone] = await this.ctx.sequelize.query('DELETE FROM runner_jobs WHERE id = :id AND state = :pending RETURNING id', {
          replacements: { id: job.id, pending: RunnerJobState.PENDING },
          transaction,
        });
        if ((gone as unknown[]).length === 0) return false;
        const { renditions, ...base } = job.privatePayload;
        for (const r of renditions) {
          const uuid = randomUUID();
          const payload = {
            input: { videoFileUrl: this.inputUrl(uuid, base.videoUUID, 'max-quality'), separatedAudioFileUrl: [] },
            output: { resolution: r.resolution, fps: r.fps, separatedAudio: false },
          };
          await this.jobs.insert(
            {
              uuid,
              type: 'vod-hls-transcoding',
              payload,
              privatePayload: { ...base, renditions: [r] },
              state: RunnerJobState.PENDING,
              priority: VOD_PRIORITY + ranks(r),
              videoId: base.videoId,
              runId: job.runId,
              dependsOnRunnerJobId: null,
            },
            transaction,
          );
        }
        return true;
      });
      if (done) split++;
    }
    return split;
  }
}

/** Lower renditions after higher ones: 0 for 1080p and above, up to 9 for audio only. */
function ranks(r: Pick<LadderRendition, 'resolution'>): number {
  if (r.resolution === 0) return 9;
  return Math.max(0, Math.min(8, Math.round((1080 - r.resolution) / 120)));
}

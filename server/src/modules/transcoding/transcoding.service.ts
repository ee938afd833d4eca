import { roleHasRight, ServerErrorCode, UserRight, VideoState, type VideoTranscodingCreate } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { videoRepository, type VideoModel } from '../videos';
import { transcodingRepository as repo } from './transcoding.repository';
import type { TranscodingSettings } from './transcoding-settings';

/** BullMQ states in which a job still counts as "being transcoded". */
const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'paused'] as const;

/** What the runners module offers for VOD transcoding. */
export interface RemoteTranscoding {
  create(videoId: number, sourceId: number): Promise<void>;
  /** True while a runner job of the video is pending, processing or waiting for its parent. */
  isPending(videoId: number): Promise<boolean>;
}

/** Starts and restarts the transcoding of video versions. */
export class TranscodingService {
  constructor(
    private readonly ctx: AppContext,
    private readonly settings: TranscodingSettings,
  ) {}

  /** Set by the runners module: creates runner jobs when `remote_runners.enabled`. */
  private remote: RemoteTranscoding | null = null;

  /** Sends VOD transcoding to remote runners (wired at boot; the module owns the jobs). */
  useRemoteRunners(remote: RemoteTranscoding): void {
    this.remote = remote;
  }

  /** Queues the transcoding of a video version (after its rows are committed). */
  async start(videoId: number, sourceId: number): Promise<void> {
    if (this.remote && this.ctx.config.transcoding.remote_runners.enabled) return this.remote.create(videoId, sourceId);
    await this.ctx.queue.add('transcode-video', { videoId, sourceId });
  }

  /** True while a transcode of the video waits, runs or waits for its retry, locally or on a runner. */
  async isPending(videoId: number): Promise<boolean> {
    // Runner jobs count even when remote runners were switched off since: they still finish.
    if (this.remote && (await this.remote.isPending(videoId))) return true;
    // A scan of the pending jobs: a handful per instance, so no index is worth keeping.
    const jobs = await this.ctx.queue.queue('transcode-video').getJobs([...PENDING_STATES]);
    return jobs.some((j) => (j?.data as { videoId?: number } | undefined)?.videoId === videoId);
  }

  /**
   * `POST /videos/:id/transcoding`: runs the pipeline again from the current source.
   * Administrators may always; owners when their video failed (a Shoal addition).
   */
  async retry(me: AuthUser, id: string, body: VideoTranscodingCreate): Promise<void> {
    const video = await videoRepository.findRow(id);
    if (!video) throw AppError.notFound('Video');
    this.assertMayRetry(me, video);
    if (video.remote || video.isLive) throw AppError.badRequest('Only local videos on demand can be transcoded here');
    if (body.transcodingType === 'hls' && !this.settings.hls) throw AppError.badRequest('HLS transcoding is disabled on this instance');
    if (body.transcodingType === 'web-video' && !this.settings.webVideos) {
      throw AppError.badRequest('Web video transcoding is disabled on this instance');
    }
    const source = await repo.currentSource(video.id);
    if (!source?.keepFilename) throw AppError.badRequest('This video has no original file to transcode from');
    await this.withEnqueueLock(video.id, async () => {
      const stuck = video.state === VideoState.TO_TRANSCODE && !body.forceTranscoding;
      if (stuck || (await this.isPending(video.id))) {
        throw new AppError(409, ServerErrorCode.VIDEO_ALREADY_BEING_TRANSCODED, 'This video is already being transcoded');
      }
      // Before enqueueing: a job failing at once must find the state it is going to replace.
      const failed = video.state === VideoState.TRANSCODING_FAILED ? { error: video.transcodingError } : null;
      if (failed) await video.update({ state: VideoState.TO_TRANSCODE, transcodingError: null });
      try {
        await this.start(video.id, source.id);
      } catch (err) {
        if (failed) await video.update({ state: VideoState.TRANSCODING_FAILED, transcodingError: failed.error });
        throw err;
      }
    });
  }

  private assertMayRetry(me: AuthUser, video: VideoModel): void {
    if (roleHasRight(me.role, UserRight.RUN_VIDEO_TRANSCODING)) return;
    const owner = video.channel!.accountId === me.accountId;
    if (owner && video.state === VideoState.TRANSCODING_FAILED) return;
    throw AppError.forbidden(owner ? 'Only a video whose transcoding failed can be transcoded again' : 'You cannot transcode this video');
  }

  /** Two simultaneous requests must not both pass the "already queued" check. */
  private async withEnqueueLock(videoId: number, work: () => Promise<void>): Promise<void> {
    const key = `${this.ctx.config.redis.prefix}:transcoding:enqueue:${videoId}`;
    if ((await this.ctx.redis.set(key, '1', 'PX', 10_000, 'NX')) !== 'OK') {
      throw new AppError(409, ServerErrorCode.VIDEO_ALREADY_BEING_TRANSCODED, 'This video is already being transcoded');
    }
    try {
      await work();
    } finally {
      await this.ctx.redis.del(key);
    }
  }
}

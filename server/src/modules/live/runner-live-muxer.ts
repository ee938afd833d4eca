import { basename } from 'node:path';
import { LiveVideoError, RunnerJobState } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import type { RunnerLiveJobs } from '../runners';
import { VideoModel } from '../videos';
import { LocalLiveMuxer } from './local-live-muxer';
import type { LiveMuxer, LiveMuxingSpec } from './live-muxer';
import type { LiveFeed } from './rtmp/live-feed';

/** How often the job row is read while the live runs (runner error or cancel noticed within this). */
const POLL_MS = 1000;
/** After the publisher left: time for the runner to send its last chunks and `success`. */
const FLUSH_MS = 6000;
const FLUSH_POLL_MS = 200;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A runner job that failed or was cancelled: `liveError` is the session's error (PeerTube
 * ends the live then; another runner could not continue the same numbering anyway).
 */
export class RunnerMuxingError extends Error {
  constructor(
    message: string,
    readonly liveError: LiveVideoError,
  ) {
    super(message);
  }
}

/**
 * Live muxing by a remote runner (`live.transcoding.remote_runners.enabled`): one
 * `live-rtmp-hls-transcoding` job per muxing; the runner plays the feed over RTMP and
 * sends chunks and playlists with `update` calls, which the runners module writes into
 * the live's folder (runner-live-chunks.ts). A remux (transcoding off) stays local.
 */
export class RunnerLiveMuxer implements LiveMuxer {
  private jobUuid: string | null = null;
  private local: LocalLiveMuxer | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ended = false;
  private readonly listeners: Array<(error?: Error) => void> = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly jobs: RunnerLiveJobs,
  ) {}

  async start(feed: LiveFeed, spec: LiveMuxingSpec, pullUrl: string): Promise<void> {
    if (spec.copy) {
      this.local = new LocalLiveMuxer();
      for (const l of this.listeners) this.local.onEnd(l);
      return this.local.start(feed, spec);
    }
    // The HLS folder is named after the video (hls/<uuid>/ or hls/private/<uuid>/).
    const videoUUID = basename(spec.outputDir);
    const video = await VideoModel.findOne({ where: { uuid: videoUUID }, attributes: ['id'] });
    if (!video) throw new Error(`No video for the live folder ${spec.outputDir}`);
    this.jobUuid = await this.jobs.create({
      rtmpUrl: this.runnerUrl(pullUrl),
      toTranscode: [
        ...spec.rungs.map((r) => ({ resolution: r.resolution, fps: r.fps })),
        ...(spec.hasAudio ? [{ resolution: 0, fps: 0 }] : []),
      ],
      segmentDuration: spec.segmentDuration,
      segmentListSize: spec.listSize,
      private: {
        videoId: video.id,
        videoUUID,
        outputDir: spec.outputDir,
        sequenceOffset: spec.startNumber,
        renditions: spec.rungs.length + (spec.hasAudio ? 1 : 0),
      },
    });
    this.ctx.logger.info({ job: this.jobUuid, videoUUID }, 'live muxing given to remote runners');
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  /** The pull URL names the loopback listener; runners elsewhere reach the public RTMP host. */
  private runnerUrl(pullUrl: string): string {
    const url = new URL(pullUrl);
    url.hostname = this.ctx.config.live.rtmp.public_hostname ?? this.ctx.config.webserver.hostname;
    return url.toString();
  }

  private async poll(): Promise<void> {
    if (!this.jobUuid || this.ended) return;
    const status = await this.jobs.status(this.jobUuid).catch(() => null);
    if (!status?.over || this.ended) return;
    if (status.state === RunnerJobState.CANCELLED)
      this.finish(new RunnerMuxingError('The runner job was cancelled', LiveVideoError.RUNNER_JOB_CANCEL));
    else if (status.state === RunnerJobState.ERRORED) {
      this.finish(new RunnerMuxingError(`Remote runner: ${status.error ?? 'unknown error'}`, LiveVideoError.RUNNER_JOB_ERROR));
    } else this.finish();
  }

  private finish(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    for (const listener of this.listeners) listener(error);
  }

  async stop(): Promise<void> {
    if (this.local) return this.local.stop();
    const uuid = this.jobUuid;
    if (!uuid || this.ended) return;
    if (this.timer) clearInterval(this.timer);
    // The feed ended, so the runner's RTMP play ends too: give it time to flush and succeed.
    const deadline = Date.now() + FLUSH_MS;
    while (Date.now() < deadline) {
      const status = await this.jobs.status(uuid).catch(() => null);
      if (!status || status.over || status.state === RunnerJobState.PENDING) break;
      await sleep(FLUSH_POLL_MS);
    }
    // Still open (runner silent, or nobody took it): cancel, so its next update gets a 404.
    await this.jobs.end(uuid);
    this.ended = true;
  }

  onEnd(listener: (error?: Error) => void): void {
    this.listeners.push(listener);
    this.local?.onEnd(listener);
  }
}

import { randomUUID } from 'node:crypto';
import { RunnerJobState } from '@shoal/models';
import type { RunnerJobRepository, RunnerJobRow } from './runner-job.repository';
import type { RunnerJobService } from './runner-job.service';
import type { RunnerJobPrivatePayload } from './runner-job.types';
import type { LiveJobPrivatePayload } from './runner-live-chunks';

/** PeerTube serves live jobs at the base transcoding priority. */
const LIVE_PRIORITY = 100;
const OPEN: RunnerJobState[] = [RunnerJobState.PENDING, RunnerJobState.PROCESSING, RunnerJobState.WAITING_FOR_PARENT_JOB];
const OVER: RunnerJobState[] = [RunnerJobState.COMPLETED, RunnerJobState.ERRORED, RunnerJobState.CANCELLED];

/** PeerTube's live payload (spec §7.4). */
export interface LiveJobRequest {
  rtmpUrl: string;
  toTranscode: Array<{ resolution: number; fps: number }>;
  segmentDuration: number;
  segmentListSize: number;
  private: LiveJobPrivatePayload;
}

/** Where a live job stands, as its muxer sees it. */
export interface LiveJobStatus {
  state: RunnerJobState;
  error: string | null;
  /** Completed, errored or cancelled: the runner no longer works on it. */
  over: boolean;
}

/** `live-rtmp-hls-transcoding` jobs for the live module: created per muxing, ended with it. */
export class RunnerLiveJobs {
  constructor(
    private readonly jobs: RunnerJobRepository,
    private readonly service: RunnerJobService,
  ) {}

  async create(req: LiveJobRequest): Promise<string> {
    const uuid = randomUUID();
    await this.jobs.insert({
      uuid,
      type: 'live-rtmp-hls-transcoding',
      payload: {
        input: { rtmpUrl: req.rtmpUrl },
        output: { toTranscode: req.toTranscode, segmentDuration: req.segmentDuration, segmentListSize: req.segmentListSize },
      },
      // The row type is the VOD one; live jobs keep their own shape (read back in runner-live-chunks.ts).
      privatePayload: req.private as unknown as RunnerJobPrivatePayload,
      state: RunnerJobState.PENDING,
      priority: LIVE_PRIORITY,
      videoId: req.private.videoId,
      runId: randomUUID(),
      dependsOnRunnerJobId: null,
    });
    this.service.notifier.notify();
    return uuid;
  }

  async status(uuid: string): Promise<LiveJobStatus | null> {
    const job = await this.jobs.byUuid(uuid);
    return job ? statusOf(job) : null;
  }

  /** The session stopped: an open job is cancelled, so the runner gets a 404 and stops ffmpeg. */
  async end(uuid: string): Promise<void> {
    const job = await this.jobs.byUuid(uuid);
    if (!job || !OPEN.includes(job.state)) return;
    await this.jobs.transition(job.id, OPEN, RunnerJobState.CANCELLED, { clearToken: true, finished: true });
  }

  /**
   * Boot: live sessions do not survive their process, so a live job still open belongs to a
   * session that is gone. Cancelled, its runner gets a 404 on the next update and stops
   * pulling a feed that no longer exists, and the job leaves the runners' lists.
   */
  async cancelOrphans(): Promise<string[]> {
    return this.jobs.cancelOpenOfType('live-rtmp-hls-transcoding', OPEN);
  }
}

function statusOf(job: RunnerJobRow): LiveJobStatus {
  const over = OVER.includes(job.state);
  return { state: job.state, error: job.error, over };
}

import { randomUUID } from 'node:crypto';
import {
  RUNNER_JOB_MAX_FAILURES,
  RUNNER_JOB_TYPES,
  RunnerJobState,
  ServerErrorCode,
  type AcceptedRunnerJob,
  type AvailableRunnerJob,
  type RunnerJobListQuery,
  type RunnerJobView,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { transcodingRepository } from '../transcoding';
import type { RunnerJobBuilder } from './runner-job.builder';
import type { RunnerJobRepository, RunnerJobRow } from './runner-job.repository';
import type { UploadedFiles } from './runner-job.success';
import { applyLiveUpdate, type LiveJobPrivatePayload } from './runner-live-chunks';
import { serializeRunnerJob } from './runner.serializer';
import type { RunnerService } from './runner.service';

/** How runners hear that work is pending (socket.io `available-jobs`). */
export interface RunnerNotifier {
  notify(): void;
}

const LADDER = 'vod-hls-ladder-transcoding';
const LIVE = 'live-rtmp-hls-transcoding';
/** Every type is offered to runners that ask for it (PeerTube's runner asks for all, lives included). */
const OFFERED_TYPES = RUNNER_JOB_TYPES;
/** Types that go back to pending when stalled or aborted; a live cannot be resumed elsewhere. */
const RESUMABLE_TYPES = RUNNER_JOB_TYPES.filter((t) => t !== LIVE);

const notProcessing = () => AppError.badRequest('This job is not in processing state', ServerErrorCode.RUNNER_JOB_NOT_IN_PROCESSING_STATE);

/** The runner job state machine (spec §9), from the runner's and the admin's side. */
export class RunnerJobService {
  notifier: RunnerNotifier = { notify: () => undefined };

  constructor(
    private readonly ctx: AppContext,
    private readonly jobs: RunnerJobRepository,
    private readonly runners: RunnerService,
    private readonly builder: RunnerJobBuilder,
  ) {}

  async createVodJobs(videoId: number, sourceId: number): Promise<void> {
    await this.builder.createVodJobs(videoId, sourceId);
    this.notifier.notify();
  }

  /**
   * Up to 10 pending jobs of the types the runner asked for. A runner that does not name the
   * ladder type (PeerTube's runner sends no list at all) gets ladder jobs split per rendition.
   */
  async request(runnerToken: string, jobTypes: string[] | undefined, ip: string | null, version?: string): Promise<AvailableRunnerJob[]> {
    await this.runners.authenticate(runnerToken, ip, version ?? null);
    // Without a list the runner is PeerTube's (or an old one): only PeerTube's types then.
    const wanted = OFFERED_TYPES.filter((t) => (jobTypes ? jobTypes.includes(t) : t !== LADDER));
    if (!wanted.includes(LADDER)) {
      const ladders = await this.jobs.pending([LADDER], 10);
      if (ladders.length && (await this.builder.splitLadderJobs(ladders)) > 0) this.notifier.notify();
    }
    if (wanted.length === 0) return [];
    const rows = await this.jobs.pending(wanted, 10);
    return rows.map((j) => ({ uuid: j.uuid, type: j.type, payload: j.payload }));
  }

  /** Checks in the order of spec §6.2: job, pending, runner, then the race in one UPDATE. */
  async accept(uuid: string, runnerToken: string, ip: string | null): Promise<AcceptedRunnerJob> {
    const job = await this.jobs.byUuid(uuid);
    if (!job) throw AppError.notFound('Runner job');
    if (job.state !== RunnerJobState.PENDING) throw AppError.badRequest('This runner job is not in pending state');
    const runner = await this.runners.authenticate(runnerToken, ip, null);
    const jobToken = `ptrjt-${randomUUID()}`;
    if (!(await this.jobs.accept(job.id, runner.id, jobToken))) {
      throw new AppError(409, ServerErrorCode.RUNNER_JOB_NOT_IN_PENDING_STATE, 'This job is not in pending state anymore');
    }
    const accepted = (await this.jobs.byUuid(uuid))!;
    return { ...serializeRunnerJob(accepted, false), jobToken };
  }

  /** The job a runner acts on, found by both tokens; 404 once its token was cleared. */
  async held(uuid: string, runnerToken: string, jobToken: string): Promise<RunnerJobRow> {
    const job = await this.jobs.byTokens(uuid, runnerToken, jobToken);
    if (!job) throw new AppError(404, ServerErrorCode.NOT_FOUND, 'Unknown runner job');
    return job;
  }

  async update(
    uuid: string,
    body: { runnerToken: string; jobToken: string; progress?: number; payload?: object },
    files: UploadedFiles = new Map(),
  ): Promise<void> {
    const job = await this.held(uuid, body.runnerToken, body.jobToken);
    // A late update of a job being imported or done is harmless: ignore it (PeerTube, newer).
    if (job.state === RunnerJobState.COMPLETING || job.state === RunnerJobState.COMPLETED) return;
    if (job.state !== RunnerJobState.PROCESSING) throw notProcessing();
    const hasPayload = body.payload && Object.keys(body.payload).length > 0;
    if (hasPayload && job.type !== LIVE) throw AppError.badRequest('Payload is invalid');
    if (hasPayload) await applyLiveUpdate(job.privatePayload as unknown as LiveJobPrivatePayload, body.payload!, files);
    await this.jobs.touch(job.id, body.progress);
  }

  async error(uuid: string, body: { runnerToken: string; jobToken: string; message: string }): Promise<void> {
    const job = await this.held(uuid, body.runnerToken, body.jobToken);
    if (job.state !== RunnerJobState.PROCESSING) throw notProcessing();
    await this.recordFailure(job, body.message);
  }

  async abort(uuid: string, body: { runnerToken: string; jobToken: string; reason: string }): Promise<void> {
    const job = await this.held(uuid, body.runnerToken, body.jobToken);
    if (job.state !== RunnerJobState.PROCESSING) throw notProcessing();
    // A live cannot be resumed by another runner: an abort ends it (spec §6.6).
    if (job.type === LIVE) await this.recordFailure(job, body.reason);
    else await this.backToPending(job, false);
    this.ctx.logger.info({ job: job.uuid, reason: body.reason }, 'runner aborted a job');
  }

  /** Any runner may take the job again; the old job token stops working. */
  async backToPending(job: RunnerJobRow, countFailure: boolean, error: string | null = null): Promise<boolean> {
    const moved = await this.jobs.transition(job.id, [RunnerJobState.PROCESSING], RunnerJobState.PENDING, {
      clearToken: true,
      resetProcessing: true,
      countFailure,
      ...(error !== null ? { error } : {}),
    });
    if (moved) this.notifier.notify();
    return moved;
  }

  /**
   * A reported error or a refused result: back to pending while under the failure limit,
   * else errored for good, with dependants marked and the video shown as failed.
   */
  async recordFailure(job: RunnerJobRow, message: string): Promise<void> {
    if (job.type !== LIVE && job.failures + 1 < RUNNER_JOB_MAX_FAILURES) {
      await this.backToPending(job, true, message);
      return;
    }
    const errored = await this.jobs.transition(job.id, [RunnerJobState.PROCESSING, RunnerJobState.COMPLETING], RunnerJobState.ERRORED, {
      clearToken: true,
      countFailure: true,
      finished: true,
      error: message,
    });
    // A live job's failure reaches its session through the muxer, not the VOD run.
    if (errored && job.type !== LIVE) await this.failRun(job, message);
  }

  /** The whole video version fails: siblings stop, the owner and admins see why. */
  async failRun(job: RunnerJobRow, message: string): Promise<void> {
    await this.jobs.cascade(job.id, RunnerJobState.PARENT_ERRORED);
    for (const sibling of await this.jobs.byRun(job.runId)) {
      if (sibling.id === job.id) continue;
      await this.jobs.transition(
        sibling.id,
        [RunnerJobState.PENDING, RunnerJobState.WAITING_FOR_PARENT_JOB, RunnerJobState.PROCESSING],
        RunnerJobState.CANCELLED,
        {
          clearToken: true,
        },
      );
    }
    const { videoId, sourceId } = job.privatePayload;
    const reason = `Remote runner transcoding failed: ${message}`.slice(0, 2000);
    const marked = await transcodingRepository.markFailed(this.ctx.sequelize, videoId, sourceId, reason);
    this.ctx.logger.warn({ job: job.uuid, videoId, marked, message }, 'runner job failed for good');
    if (marked) await this.ctx.events.emit('video-transcoding-failed', { videoId });
  }

  async list(q: RunnerJobListQuery): Promise<{ total: number; data: RunnerJobView[] }> {
    const { total, data } = await this.jobs.list(q);
    return { total, data: data.map((j) => serializeRunnerJob(j, true)) };
  }

  /** Admin or server cancel: pending, processing or waiting → cancelled; dependants → parent cancelled. */
  async cancel(uuid: string): Promise<void> {
    const job = await this.jobs.byUuid(uuid);
    if (!job) throw AppError.notFound('Runner job');
    if (!(await this.cancelRow(job))) throw AppError.badRequest('This job cannot be cancelled in its current state');
  }

  private async cancelRow(job: RunnerJobRow): Promise<boolean> {
    const open = [RunnerJobState.PENDING, RunnerJobState.PROCESSING, RunnerJobState.WAITING_FOR_PARENT_JOB];
    const cancelled = await this.jobs.transition(job.id, open, RunnerJobState.CANCELLED, { clearToken: true, finished: true });
    if (cancelled) await this.jobs.cascade(job.id, RunnerJobState.PARENT_CANCELLED);
    return cancelled;
  }

  async remove(uuid: string): Promise<void> {
    const job = await this.jobs.byUuid(uuid);
    if (!job) throw AppError.notFound('Runner job');
    await this.cancelRow(job);
    await this.jobs.remove(job.id);
  }

  /** A deleted video's jobs stop: runners learn it from a 404 on their next call. */
  async cancelForVideo(videoId: number): Promise<void> {
    for (const job of await this.jobs.openByVideo(videoId)) await this.cancelRow(job);
  }

  /**
   * Watchdog: VOD jobs silent for longer than `stalled_jobs.vod` go back to pending (not a
   * failure); live jobs silent for `stalled_jobs.live` fail, which ends their muxing.
   */
  async resetStalled(): Promise<number> {
    const stalledLives = await this.jobs.stalled([LIVE], this.ctx.config.remote_runners.stalled_jobs.live);
    for (const job of stalledLives) await this.recordFailure(job, 'No update from the runner: the live job stalled');
    const vodTypes = RESUMABLE_TYPES as readonly string[];
    const stalled = await this.jobs.stalled([...vodTypes], this.ctx.config.remote_runners.stalled_jobs.vod);
    let reset = 0;
    for (const job of stalled) {
      if (await this.backToPending(job, false)) reset++;
    }
    if (reset) this.ctx.logger.warn({ reset }, 'runner jobs without updates went back to pending');
    return reset;
  }
}

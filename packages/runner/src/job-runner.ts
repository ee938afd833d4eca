import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RunnerApiError, type RunnerClient } from '@shoal/api-client';
import type { AcceptedRunnerJob } from '@shoal/models';
import type { RunnerConfig } from './config';
import type { JobContext } from './jobs/job-context';
import { processors } from './jobs/vod-jobs';
import type { Log } from './logger';
import { progressQuarter } from './progress-display';

/** One job in progress on this machine. */
export interface RunningJob {
  job: AcceptedRunnerJob;
  client: RunnerClient;
  tokens: { runnerToken: string; jobToken: string };
  controller: AbortController;
  /** Settles when the job's work and clean-up are over. */
  done: Promise<void>;
  progress: number;
  startedAt: number;
}

/**
 * Runs one accepted job to its end: keep-alive updates with progress, the processor in a
 * private temporary folder, then `success` or `error`. The folder is always removed.
 */
export function startJob(
  config: RunnerConfig,
  workDir: string,
  client: RunnerClient,
  runnerToken: string,
  job: AcceptedRunnerJob,
  log: Log,
  interactive = false,
): RunningJob {
  const running: RunningJob = {
    job,
    client,
    tokens: { runnerToken, jobToken: job.jobToken },
    controller: new AbortController(),
    done: Promise.resolve(),
    progress: 0,
    startedAt: Date.now(),
  };
  running.done = run(config, workDir, running, log, interactive);
  return running;
}

async function sendUpdate(running: RunningJob, log: Log): Promise<void> {
  try {
    await running.client.update(running.job.uuid, running.tokens, running.progress);
  } catch (err) {
    // 404: the job was cancelled, deleted or given to another runner; stop working on it.
    if (err instanceof RunnerApiError && err.status === 404) {
      log.warn('the server no longer knows this job; stopping it', { job: running.job.uuid });
      running.controller.abort(new Error('Job gone on the server'));
    } else log.debug('progress update failed', { job: running.job.uuid, err: (err as Error).message });
  }
}

async function run(config: RunnerConfig, workDir: string, running: RunningJob, log: Log, interactive: boolean): Promise<void> {
  const { job, client, tokens, controller } = running;
  const processor = processors[job.type];
  await mkdir(workDir, { recursive: true });
  const dir = await mkdtemp(join(workDir, `${job.uuid}-`));
  const timer = setInterval(() => void sendUpdate(running, log), config.jobs.updateInterval * 1000);
  log.info('job started', { job: job.uuid, type: job.type, server: client.url });
  const started = Date.now();
  try {
    await sendUpdate(running, log);
    if (!processor) throw new Error(`shoal-runner cannot do ${job.type} jobs`);
    const ctx: JobContext = {
      client,
      tokens,
      job,
      dir,
      signal: controller.signal,
      ffmpeg: config.ffmpeg,
      jobGone: () => controller.abort(new Error('Job gone on the server')),
      progress: (f) => {
        const before = running.progress;
        running.progress = Math.max(running.progress, Math.min(99, Math.floor(f * 100)));
        // Journals and pipes get a line per quarter; a terminal shows the live bar (daemon.ts).
        if (!interactive && progressQuarter(running.progress) > progressQuarter(before)) {
          log.info('job progress', { job: job.uuid, progress: running.progress });
        }
      },
    };
    const result = await processor(ctx);
    if (controller.signal.aborted) return;
    await client.success(job.uuid, tokens, result.files, result.payload);
    log.info('job done', { job: job.uuid, ms: Date.now() - started });
  } catch (err) {
    // Aborted by shutdown (which sends `abort` itself) or by the server: nothing to report.
    if (controller.signal.aborted) return;
    log.error('job failed', { job: job.uuid, err: (err as Error).message });
    await client.error(job.uuid, tokens, (err as Error).message).catch((e: Error) => log.warn('error report failed', { err: e.message }));
  } finally {
    clearInterval(timer);
    await rm(dir, { recursive: true, force: true });
  }
}

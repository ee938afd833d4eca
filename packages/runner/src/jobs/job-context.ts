import type { RunnerClient, RunnerFiles } from '@shoal/api-client';
import type { AcceptedRunnerJob } from '@shoal/models';
import { runFfmpeg, type ProbeResult } from '@shoal/ffmpeg';
import type { RunnerConfig } from '../config';

/** What a job processor gets: the job, its private work folder and the runner's settings. */
export interface JobContext {
  client: RunnerClient;
  tokens: { runnerToken: string; jobToken: string };
  job: AcceptedRunnerJob;
  /** Private temporary folder, removed after the job whatever happens. */
  dir: string;
  /** Aborted on shutdown or when the server says the job is gone. */
  signal: AbortSignal;
  ffmpeg: RunnerConfig['ffmpeg'];
  /** Fraction done, 0..1. */
  progress(fraction: number): void;
  /** The server no longer knows the job (404): stop without reporting anything. */
  jobGone(): void;
}

export interface JobResult {
  files: RunnerFiles;
  payload?: object;
}

/** Runs ffmpeg with the runner's niceness, reporting progress over `range` of the job. */
export function ffmpegRun(ctx: JobContext, args: string[], input: Pick<ProbeResult, 'duration'>, range: [number, number] = [0, 1]) {
  return runFfmpeg(args, {
    signal: ctx.signal,
    nice: ctx.ffmpeg.nice,
    onProgress: (seconds) => {
      if (input.duration > 0) ctx.progress(range[0] + (range[1] - range[0]) * Math.min(1, seconds / input.duration));
    },
  });
}

/** ffmpeg `-threads`: 0 in the config lets ffmpeg decide. */
export const threadsOf = (ctx: JobContext) => (ctx.ffmpeg.threads > 0 ? ctx.ffmpeg.threads : undefined);

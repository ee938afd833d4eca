import type { AppContext } from '../../platform/context';
import type { TranscodingSettings } from '../transcoding';
import { RunnerJobBuilder } from './runner-job.builder';
import { runnerJobRepository } from './runner-job.repository';
import { RunnerJobService } from './runner-job.service';
import { RunnerJobCompletion } from './runner-job.success';
import { RunnerLiveJobs } from './runner-live-jobs';
import { runnerRepository } from './runner.repository';
import { RunnerService } from './runner.service';
import { RunnerSocket } from './runner.socket';
import { runnerWatchdogJob, watchdogInterval } from './runner-watchdog.job';

export { runnerRoutes } from './runner.routes';
export { runnerUploadRoutes } from './runner-upload.routes';
export { runnerFileRoutes } from './runner-files.routes';
export { runnerWatchdogJob, watchdogInterval };
export type { RunnerLiveJobs, LiveJobStatus } from './runner-live-jobs';

export interface RunnerServices {
  runners: RunnerService;
  jobs: RunnerJobService;
  completion: RunnerJobCompletion;
  socket: RunnerSocket;
  jobRepository: ReturnType<typeof runnerJobRepository>;
  /** Live jobs, for the live module's runner muxer. */
  live: RunnerLiveJobs;
}

/** Wires the runners module; the caller registers the watchdog job and attaches the socket. */
export function createRunnerServices(ctx: AppContext, settings: TranscodingSettings): RunnerServices {
  const runners = new RunnerService(runnerRepository(ctx.sequelize));
  const jobRepository = runnerJobRepository(ctx.sequelize);
  const jobs = new RunnerJobService(ctx, jobRepository, runners, new RunnerJobBuilder(ctx, settings, jobRepository));
  const socket = new RunnerSocket(runners, ctx.redis, ctx.config.redis.prefix, ctx.logger);
  jobs.notifier = socket;
  const completion = new RunnerJobCompletion(ctx, settings, jobRepository, jobs);
  // Jobs of a deleted video stop; runners learn it from a 404 on their next call.
  ctx.events.on('video-deleted', ({ videoId }) => jobs.cancelForVideo(videoId));
  ctx.queue.register(runnerWatchdogJob(jobs));
  return { runners, jobs, completion, socket, jobRepository, live: new RunnerLiveJobs(jobRepository, jobs) };
}

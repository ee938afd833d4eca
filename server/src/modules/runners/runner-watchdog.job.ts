import { defineJob, type JobDefinition } from '../../platform/queue';
import type { RunnerJobService } from './runner-job.service';

/** `runner-jobs-watchdog`: repeatable; stalled VOD jobs return to pending (spec §9.5). */
export function runnerWatchdogJob(jobs: RunnerJobService): JobDefinition<'runner-jobs-watchdog'> {
  return defineJob({
    name: 'runner-jobs-watchdog',
    attempts: 1,
    handler: async () => {
      await jobs.resetStalled();
    },
  });
}

/** PeerTube checks every min(vod, live) threshold; never more often than every second. */
export function watchdogInterval(stalled: { vod: number; live: number }): number {
  return Math.max(1000, Math.min(stalled.vod, stalled.live));
}

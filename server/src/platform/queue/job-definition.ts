import type { JobName, JobPayload } from '@shoal/models';

export interface JobContext {
  jobId: string;
  attempt: number;
  updateProgress(percent: number): Promise<void>;
  /** Aborted when the process shuts down; long jobs should stop and let BullMQ retry. */
  signal: AbortSignal;
}

/** How one job type runs. Handlers must be idempotent: BullMQ may run a job twice. */
export interface JobDefinition<K extends JobName> {
  name: K;
  handler(payload: JobPayload<K>, ctx: JobContext): Promise<void>;
  concurrency?: number;
  attempts?: number;
  /** First retry delay in ms; doubles on each attempt. */
  backoffMs?: number;
  /** Lock duration in ms: a job whose worker stops renewing it is retried elsewhere. */
  lockDurationMs?: number;
  /** How often a worker looks for jobs whose lock lapsed (default 30 s); with the lock, bounds crash recovery time. */
  stalledIntervalMs?: number;
}

export type JobHandlers = { [K in JobName]: JobDefinition<K> };

export function defineJob<K extends JobName>(def: JobDefinition<K>): JobDefinition<K> {
  return def;
}

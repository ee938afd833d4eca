import { z } from 'zod';

/**
 * Every background job type and its payload schema. The server refuses to boot
 * when one of these has no handler, and payloads are parsed with these schemas.
 * Other modules add their job types here.
 */
export const jobCatalog = {
  'cleanup-expired-tokens': z.strictObject({}),
  /** Flush view counters from Redis to PostgreSQL. */
  'flush-video-views': z.strictObject({}),
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<K extends JobName> = z.infer<(typeof jobCatalog)[K]>;
export const JOB_NAMES = Object.keys(jobCatalog) as JobName[];

/** States the admin job list can be filtered by (PeerTube's names). */
export const JOB_STATES = ['active', 'completed', 'failed', 'waiting', 'delayed', 'paused', 'waiting-children'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobView {
  id: string;
  state: JobState | 'unknown';
  type: string;
  data: unknown;
  priority: number;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedOn: string | null;
  processedOn: string | null;
}

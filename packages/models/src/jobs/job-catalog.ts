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
  /** Drop resumable upload sessions nobody touched for a while, with their bytes. */
  'cleanup-upload-sessions': z.strictObject({}),
  /** Transcode a video version (its source) into the HLS ladder, then publish it. */
  'transcode-video': z.strictObject({ videoId: z.number().int().positive(), sourceId: z.number().int().positive() }),
  /** Put runner jobs nobody reported on for too long back to pending (remote runners). */
  'runner-jobs-watchdog': z.strictObject({}),
  /** Send one e-mail over SMTP (retried with backoff when the server is unreachable). */
  'send-email': z.strictObject({
    to: z.array(z.string().min(1).max(400)).min(1).max(100),
    subject: z.string().min(1).max(500),
    text: z.string().max(100_000),
  }),
  /** POST one signed activity to one remote inbox (federation core; ordered per object by `orderKey`/`seq`). */
  'activitypub-http-deliver': z.strictObject({
    signerActorId: z.number().int().positive(),
    inbox: z.string().min(1).max(2000),
    body: z.string().max(1_000_000),
    orderKey: z.string().min(1).max(2100),
    seq: z.number().int().positive(),
  }),
  /** Process one verified incoming activity (federation core dispatches it to its typed handler). */
  'activitypub-inbox': z.strictObject({
    activity: z.record(z.string(), z.unknown()),
    signerActorId: z.number().int().positive(),
    inboxActorId: z.number().int().positive().nullable(),
    forwarded: z.boolean(),
    /** Forwarded, with the author's RsaSignature2017 verified (signerActorId is the author): no re-fetch. */
    ldSigned: z.boolean().optional(),
  }),
  /** Backfill from a remote actor's outbox after our follow of it was accepted (federation core). */
  'activitypub-crawl-outbox': z.strictObject({ outboxUrl: z.string().min(1).max(2000) }),
  /** Send the views of one remote video counted during a batch window to its origin (one View; federation objects). */
  'federation-send-views': z.strictObject({ videoId: z.number().int().positive() }),
  /** Re-send a local video (`Update`) so followers get its new view and like counts; at most once per window. */
  'federation-video-counters': z.strictObject({ videoId: z.number().int().positive() }),
  /** Fetch a stale remote video again from its origin (deleted here on 404/410; federation objects). */
  'federation-refresh-video': z.strictObject({ videoId: z.number().int().positive() }),
  /** Fetch a stale remote actor (account or channel) again from its origin (deleted here on 404/410). */
  'federation-refresh-actor': z.strictObject({ actorId: z.number().int().positive() }),
  /** Send a live's viewer count: ours to its origin (remote live) or the total to followers (local live). */
  'federation-live-viewers': z.strictObject({ videoId: z.number().int().positive() }),
  /** Send again our follows of remote actors still pending (no Accept) after the configured interval. */
  'federation-resend-pending-follows': z.strictObject({}),
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

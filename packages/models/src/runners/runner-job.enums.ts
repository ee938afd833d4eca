/** Runner job states: PeerTube's numeric ids, which admins and runners see on the wire. */
export const RunnerJobState = {
  PENDING: 1,
  PROCESSING: 2,
  COMPLETED: 3,
  ERRORED: 4,
  WAITING_FOR_PARENT_JOB: 5,
  CANCELLED: 6,
  PARENT_ERRORED: 7,
  PARENT_CANCELLED: 8,
  COMPLETING: 9,
} as const;
export type RunnerJobState = (typeof RunnerJobState)[keyof typeof RunnerJobState];

export const RUNNER_JOB_STATE_LABELS: Record<RunnerJobState, string> = {
  1: 'Pending',
  2: 'Processing',
  3: 'Completed',
  4: 'Errored',
  5: 'Waiting for parent job to finish',
  6: 'Cancelled',
  7: 'Parent job failed',
  8: 'Parent job cancelled',
  9: 'Completing',
};

/** PeerTube's VOD job types (one rendition per job). */
export const PEERTUBE_VOD_JOB_TYPES = ['vod-web-video-transcoding', 'vod-hls-transcoding', 'vod-audio-merge-transcoding'] as const;

/**
 * Every job type this server knows. `vod-hls-ladder-transcoding` is Shoal's: the whole ladder
 * from one decode, offered only to runners that name it in `jobTypes`.
 */
export const RUNNER_JOB_TYPES = [...PEERTUBE_VOD_JOB_TYPES, 'vod-hls-ladder-transcoding', 'live-rtmp-hls-transcoding'] as const;
export type RunnerJobType = (typeof RUNNER_JOB_TYPES)[number];

/** A runner's job survives four reported errors and fails on the fifth (PeerTube's rule). */
export const RUNNER_JOB_MAX_FAILURES = 5;

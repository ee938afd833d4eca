/** `latencyMode` of a live (PeerTube's values). */
export const LiveLatencyMode = { DEFAULT: 1, HIGH_LATENCY: 2, SMALL_LATENCY: 3 } as const;
export type LiveLatencyMode = (typeof LiveLatencyMode)[keyof typeof LiveLatencyMode];

/** Why a live session stopped on its own (PeerTube's `LiveVideoError` numbers). */
export const LiveVideoError = {
  BAD_SOCKET_HEALTH: 1,
  DURATION_EXCEEDED: 2,
  QUOTA_EXCEEDED: 3,
  FFMPEG_ERROR: 4,
  BLACKLISTED: 5,
  RUNNER_JOB_ERROR: 6,
  RUNNER_JOB_CANCEL: 7,
  UNKNOWN: 8,
  INVALID_INPUT_STREAM: 9,
} as const;
export type LiveVideoError = (typeof LiveVideoError)[keyof typeof LiveVideoError];

/** Problem codes of the live API (PeerTube's names). */
export const LiveErrorCode = {
  LIVE_NOT_ENABLED: 'live_not_enabled',
  LIVE_NOT_ALLOWING_REPLAY: 'live_not_allowing_replay',
  MAX_INSTANCE_LIVES_LIMIT_REACHED: 'max_instance_lives_limit_reached',
  MAX_USER_LIVES_LIMIT_REACHED: 'max_user_lives_limit_reached',
} as const;

/** socket.io namespace of live viewers and its events (PeerTube's names). */
export const LIVE_SOCKET = {
  namespace: '/live-videos',
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  stateChange: 'state-change',
  viewsChange: 'views-change',
  forceEnd: 'force-end',
} as const;

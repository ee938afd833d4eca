import type { LiveMuxer } from './live-muxer';
import type { LiveRecorder } from './live-recorder';
import type { LiveSegmentWatcher } from './live-segments';
import type { LatencySettings } from './live-settings';
import type { LiveFeed } from './rtmp/live-feed';

/** In-memory state of a running session (one per live video being streamed). */
export interface RunningSession {
  sessionId: number;
  videoId: number;
  videoUuid: string;
  streamKey: string;
  ownerUserId: number;
  permanent: boolean;
  saveReplay: boolean;
  latency: LatencySettings;
  outputDir: string;
  recordingDir: string;
  startedAt: number;
  /** Secret RTMP play name for a remote muxer (runner) of this session. */
  pullName: string;
  feed: LiveFeed | null;
  muxer: LiveMuxer | null;
  recorder: LiveRecorder | null;
  watcher: LiveSegmentWatcher;
  published: boolean;
  /** Muxer restarts after crashes in this session. */
  restarts: number;
  graceTimer: NodeJS.Timeout | null;
  durationTimer: NodeJS.Timeout | null;
  /** Periodic quota check while a replay is recorded. */
  quotaTimer: NodeJS.Timeout | null;
  /** Bytes recorded by the recorders already stopped (reconnections). */
  recordedBytes: number;
  /** The stop of muxer and recorder in flight (feed end and session end may both ask). */
  outputsStopped: Promise<unknown>;
  ending: boolean;
}

import type { LiveVideoRung } from '@shoal/ffmpeg';
import type { LiveFeed } from './rtmp/live-feed';

/** What a muxing needs to produce a live's HLS output, whoever does the work. */
export interface LiveMuxingSpec {
  /** HLS folder of the video; playlists and `.ts` segments must end up here. */
  outputDir: string;
  rungs: LiveVideoRung[];
  source: { width: number; height: number };
  hasAudio: boolean;
  /** Live transcoding disabled: remux the incoming stream as is. */
  copy: boolean;
  segmentDuration: number;
  listSize: number;
  lowLatency: boolean;
  threads: number;
  /** First segment number, so a restarted muxing never reuses a name players have seen. */
  startNumber: number;
}

/**
 * The seam between a live session and whatever turns its RTMP feed into HLS files.
 * The session watches `outputDir` itself (segment hashes, "live ready"), so an
 * implementation only has to make playlists and segments appear there:
 * - LocalLiveMuxer: one ffmpeg fed from the in-process feed;
 * - a runner implementation (later): creates a `live-rtmp-hls-transcoding` job whose
 *   input is `pullUrl`, and writes the chunks the runner uploads into `outputDir`.
 */
export interface LiveMuxer {
  /** Starts producing files; resolves once started (not when the stream ends). */
  start(feed: LiveFeed, spec: LiveMuxingSpec, pullUrl: string): Promise<void>;
  /** Stops after flushing what it has (the publisher left or the session is cut). */
  stop(): Promise<void>;
  /** Called once when the muxing ends by itself: `error` set when it failed. */
  onEnd(listener: (error?: Error) => void): void;
}

export type LiveMuxerFactory = () => LiveMuxer;

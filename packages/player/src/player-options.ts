import type Hls from 'hls.js';
import type { HlsConfig } from 'hls.js';
import type { RequestAuthorizer } from './request-auth';

/** Credentials for the media of a non-public video (see the media spec, access control). */
export interface PlayerAuth {
  /** Password of a password-protected video, sent as `x-peertube-video-password`. */
  videoPassword?: string | null;
  /** OAuth access token; a function so that a refreshed token is picked up mid-playback. */
  bearerToken?: string | (() => string | null) | null;
  /** Video file token (`POST /videos/:id/token`), sent as `?videoFileToken=`. */
  videoFileToken?: string | null;
}

/** A caption file (`GET /videos/:id/captions` entry), shown as a "subtitles" text track. */
export interface PlayerCaption {
  /** Language code, e.g. `fr` (the track's `srclang`). */
  language: string;
  /** Menu label, e.g. `French`. */
  label: string;
  /** URL of the WebVTT file (`fileUrl`). */
  src: string;
}

export interface PlayerChapter {
  /** Start, in seconds. */
  timecode: number;
  title: string;
}

/**
 * Ways into hls.js, so that a segment loader such as p2p-media-loader v2 can be added
 * without touching the player: pass `HlsJsP2PEngine.injectMixin(Hls)` as `hlsClass` and
 * return its `p2p` section (with `httpRequestSetup` built from `authorize`) from `configure`.
 */
export interface HlsIntegration {
  hlsClass?: typeof Hls;
  configure?: (config: Partial<HlsConfig>, helpers: { authorize: RequestAuthorizer }) => Partial<HlsConfig> & Record<string, unknown>;
  onCreated?: (hls: Hls) => void;
}

export interface ShoalPlayerOptions {
  /** The element the player is rendered into (emptied first). */
  container: HTMLElement;
  /** Master HLS playlist (`streamingPlaylists[0].playlistUrl`). */
  playlistUrl: string;
  /** Accessible name of the player, usually the video title. */
  title?: string;
  poster?: string | null;
  /** Known duration in seconds, used for chapter marks before the metadata loads. */
  duration?: number;
  chapters?: PlayerChapter[];
  captions?: PlayerCaption[];
  auth?: PlayerAuth;
  autoplay?: boolean;
  /** Seconds to start at (e.g. `?start=` or a description timestamp). */
  startTime?: number;
  playbackRates?: number[];
  /** Origin whose URLs may receive credentials; other hosts (mirrors) never get them. Defaults to the page's. */
  origin?: string;
  hls?: HlsIntegration;
  /** Peer-to-peer segment sharing; absent = HTTP only. */
  p2p?: PlayerP2POptions;
  /** Set for lives: LIVE badge, "back to live", latency-mode tuning. */
  live?: PlayerLiveOptions | null;
}

export interface PlayerP2POptions {
  /** The instance runs its tracker (`tracker.enabled` of `GET /config`). */
  trackerEnabled: boolean;
  /** The video's `trackerUrls` (only `ws:`/`wss:` ones are used). */
  trackerUrls: string[];
  /** `webrtc.stunServers` of `GET /config`. */
  stunServers: string[];
  /** See `p2pSwarmId`. */
  swarmId: string;
  /** `segmentsSha256Url` of the streaming playlist. */
  segmentsSha256Url: string | null;
  /** The viewer's choice when they never used the toggle (account setting or instance default). */
  defaultEnabled: boolean;
}

export interface PlayerLiveOptions {
  /** 1 default, 2 high latency, 3 small latency (no P2P); unknown = default. */
  latencyMode?: number | null;
}

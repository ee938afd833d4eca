import Hls, { type ErrorData, type HlsConfig } from 'hls.js';
import type { HlsIntegration } from './player-options';
import { qualityChoices, type QualityChoice } from './quality';
import type { RequestAuthorizer } from './request-auth';

export interface HlsPlaybackEvents {
  onLevels: (choices: QualityChoice[]) => void;
  onLevelSwitched: (index: number) => void;
  onFatalError: (message: string) => void;
  /** Bytes of each media segment hls.js loaded (whatever the loader). */
  onFragmentLoaded?: (bytes: number) => void;
}

/** hls.js distance to the live edge per latency mode (segments), as PeerTube's player keeps it. */
export function liveHlsTuning(latencyMode: number | null | undefined): Partial<HlsConfig> {
  const segments = latencyMode === 3 ? 2 : latencyMode === 2 ? 10 : 5;
  return { liveSyncDurationCount: segments };
}

const MAX_NETWORK_RETRIES = 3;

/**
 * hls.js on the player's <video>: same-origin requests carry the viewer's credentials
 * through `xhrSetup`, which may re-open the request on another URL (file token).
 */
export function startHls(
  video: HTMLVideoElement,
  playlistUrl: string,
  authorize: RequestAuthorizer,
  events: HlsPlaybackEvents,
  integration: HlsIntegration = {},
  tuning: Partial<HlsConfig> = {},
): Hls {
  const base: Partial<HlsConfig> = {
    capLevelToPlayerSize: true,
    backBufferLength: 90,
    ...tuning,
    xhrSetup: (xhr, url) => {
      const request = authorize(url);
      xhr.open('GET', request.url, true);
      for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    },
  };
  const config = integration.configure ? integration.configure(base, { authorize }) : base;
  const HlsClass = integration.hlsClass ?? Hls;
  const hls = new HlsClass(config);
  integration.onCreated?.(hls);

  hls.on(Hls.Events.MANIFEST_PARSED, () => events.onLevels(qualityChoices(hls.levels)));
  hls.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => events.onLevelSwitched(data.level));
  hls.on(Hls.Events.FRAG_LOADED, (_e, data) => events.onFragmentLoaded?.(data.frag.stats.loaded));
  hls.on(Hls.Events.ERROR, recoverer(hls, events));
  hls.attachMedia(video);
  hls.loadSource(playlistUrl);
  return hls;
}

/** Network hiccups are retried a few times and media errors recovered once before giving up. */
function recoverer(hls: Hls, events: HlsPlaybackEvents) {
  let networkRetries = 0;
  let mediaRecovered = false;
  return (_event: string, data: ErrorData) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRetries < MAX_NETWORK_RETRIES && !isAuthFailure(data)) {
      networkRetries++;
      hls.startLoad();
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !mediaRecovered) {
      mediaRecovered = true;
      hls.recoverMediaError();
      return;
    }
    events.onFatalError(
      isAuthFailure(data) ? 'You are not allowed to watch this video (its access was refused).' : 'The video could not be played.',
    );
  };
}

function isAuthFailure(data: ErrorData): boolean {
  const code = data.response?.code;
  return code === 401 || code === 403;
}

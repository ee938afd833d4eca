/** localStorage key of the viewer's own P2P choice ("true"/"false"); absent = instance default. */
export const P2P_PREFERENCE_KEY = 'shoal-p2p-enabled';

/** PeerTube's live latency modes. */
export const LIVE_LATENCY = { DEFAULT: 1, HIGH: 2, SMALL: 3 } as const;

export interface P2PAvailability {
  /** The instance runs its tracker (`tracker.enabled` in `GET /config`). */
  trackerEnabled: boolean;
  /** `wss:`/`ws:` tracker URLs of the video. */
  trackerUrls: string[];
  /** The streaming playlist's `segmentsSha256Url`: without hashes, peers cannot be trusted. */
  segmentsSha256Url: string | null | undefined;
  isLive: boolean;
  latencyMode?: number | null;
}

/**
 * Why this video cannot use P2P in this browser, or null when it can. Small-latency lives
 * keep too short a buffer to wait for peers; hashes need WebCrypto (secure origins only).
 */
export function p2pUnavailableReason(input: P2PAvailability, env: { webRtc: boolean; webCrypto: boolean }): string | null {
  if (!input.trackerEnabled) return 'turned off on this instance';
  if (input.isLive && input.latencyMode === LIVE_LATENCY.SMALL) return 'not used for small-latency lives';
  if (!input.trackerUrls.some((u) => /^wss?:\/\//.test(u))) return 'no tracker for this video';
  if (!input.segmentsSha256Url) return 'this video has no segment hashes';
  if (!env.webRtc) return 'WebRTC is not available in this browser';
  if (!env.webCrypto) return 'segment checks need a secure (https) page';
  return null;
}

export function browserP2PEnv(): { webRtc: boolean; webCrypto: boolean } {
  return { webRtc: typeof RTCPeerConnection === 'function', webCrypto: !!globalThis.crypto?.subtle };
}

/** The viewer's stored choice, or null when they never chose (or storage is blocked). */
export function storedP2PPreference(storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean | null {
  const value = storage?.getItem(P2P_PREFERENCE_KEY);
  return value === 'true' ? true : value === 'false' ? false : null;
}

export function storeP2PPreference(enabled: boolean, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(P2P_PREFERENCE_KEY, String(enabled));
  } catch {
    // Private browsing or full storage: the choice lasts for this page only.
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The swarm of a video (p2p-media-loader adds the rendition). Files of private, internal and
 * password-protected videos get the random name of their hash JSON in the id: only viewers
 * who could read the video's details find each other.
 */
export function p2pSwarmId(video: { uuid: string; segmentsSha256Url: string; privateFiles: boolean }): string {
  if (!video.privateFiles) return `shoal-${video.uuid}`;
  const name = video.segmentsSha256Url.split(/[?#]/, 1)[0]!.split('/').pop() ?? '';
  return `shoal-${video.uuid}-${name.replace(/\.json$/, '')}`;
}

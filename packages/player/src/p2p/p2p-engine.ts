import Hls from 'hls.js';
import { HlsJsP2PEngine } from 'p2p-media-loader-hlsjs';
import type { HlsIntegration, PlayerP2POptions } from '../player-options';
import type { RequestAuthorizer } from '../request-auth';
import { createSegmentValidator, type SegmentHashes } from './segment-hashes';
import type { P2PStats } from './p2p-stats';
import { LIVE_LATENCY } from './p2p-policy';

export type P2PEngineOptions = PlayerP2POptions & { segmentsSha256Url: string; isLive: boolean; latencyMode?: number | null };

export interface P2PEngineHandle {
  integration: HlsIntegration;
  /** Turns sharing on or off without reloading the video. */
  setEnabled(enabled: boolean): void;
}

/**
 * hls.js with p2p-media-loader v2 (loaded lazily, only when P2P may be used). Segments
 * from peers are checked against the video's SHA-256 JSON before hls.js gets them; a
 * mismatch fails the peer download and the segment is fetched over HTTP. Peers only ever
 * see swarm ids and segment numbers: URLs and the viewer's credentials stay in this page.
 */
export function createP2PEngine(p2p: P2PEngineOptions, stats: P2PStats, enabled: boolean): P2PEngineHandle {
  let engine: HlsJsP2PEngine | null = null;
  let wanted = enabled;
  const integration: HlsIntegration = {
    hlsClass: HlsJsP2PEngine.injectMixin(Hls) as unknown as typeof Hls,
    configure: (base, { authorize }) => ({
      ...base,
      p2p: {
        core: coreConfig(p2p, authorize, !wanted),
        onHlsJsCreated: (hls: { p2pEngine: HlsJsP2PEngine }) => {
          engine = hls.p2pEngine;
          listen(engine, stats);
        },
      },
    }),
  };
  return {
    integration,
    setEnabled(on) {
      wanted = on;
      engine?.applyDynamicConfig({ core: { isP2PDisabled: !on } });
    },
  };
}

function coreConfig(p2p: P2PEngineOptions, authorize: RequestAuthorizer, disabled: boolean) {
  const validateP2PSegment = createSegmentValidator({
    isLive: p2p.isLive,
    load: async () => {
      const request = authorize(p2p.segmentsSha256Url);
      const response = await fetch(request.url, { headers: request.headers, cache: 'no-cache' });
      if (!response.ok) throw new Error(`segment hashes: HTTP ${response.status}`);
      return (await response.json()) as SegmentHashes;
    },
  });
  return {
    announceTrackers: p2p.trackerUrls.filter((u) => /^wss?:\/\//.test(u)),
    rtcConfig: { iceServers: p2p.stunServers.map((urls) => ({ urls })) },
    swarmId: p2p.swarmId,
    isP2PDisabled: disabled,
    // Give peers a moment to show up before the first VOD segments go to the server.
    httpDownloadInitialTimeoutMs: p2p.isLive ? 0 : 1000,
    ...timeWindows(p2p),
    validateP2PSegment,
    // HTTP segment requests carry the viewer's credentials like hls.js's own requests.
    httpRequestSetup: async (
      url: string,
      _range: unknown,
      signal: AbortSignal,
      requestRange: { start: number; end?: number } | undefined,
    ): Promise<Request> => {
      const request = authorize(url);
      const headers = new Headers(request.headers);
      if (requestRange) headers.set('Range', `bytes=${requestRange.start}-${requestRange.end ?? ''}`);
      return new Request(request.url, { headers, signal });
    },
  };
}

/**
 * Segments closer to the playhead than the high-demand window go to the server first;
 * p2p-media-loader's default (15 s) is almost all a default-latency live keeps ahead
 * (5 segments of 4 s). For lives, a new segment is then left to peers for a few seconds,
 * then a few random viewers fetch it over HTTP (one download at a time) and share it, and
 * only then does everyone fall back to HTTP.
 */
function timeWindows(p2p: P2PEngineOptions) {
  if (!p2p.isLive) return { highDemandTimeWindow: 8 };
  const high = p2p.latencyMode === LIVE_LATENCY.HIGH;
  return { highDemandTimeWindow: high ? 15 : 6, httpDownloadTimeWindow: high ? 25 : 14, simultaneousHttpDownloads: 1 };
}

function listen(engine: HlsJsP2PEngine, stats: P2PStats): void {
  engine.addEventListener('onChunkDownloaded', (bytes, source) => stats.downloaded(bytes, source));
  engine.addEventListener('onChunkUploaded', (bytes) => stats.uploaded(bytes));
  engine.addEventListener('onPeerConnect', ({ peerId }) => stats.peerConnected(peerId));
  engine.addEventListener('onPeerClose', ({ peerId }) => stats.peerClosed(peerId));
}

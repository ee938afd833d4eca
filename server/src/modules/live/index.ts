import type { AppContext } from '../../platform/context';
import type { RealtimeServer } from '../../platform/realtime';
import type { RunnerLiveJobs } from '../runners';
import type { VideoService } from '../videos';
import { LocalLiveMuxer } from './local-live-muxer';
import { LiveManager } from './live-manager';
import type { StartTranscoding } from './live-replay';
import { liveConfigSection } from './live-settings';
import { LiveService } from './live.service';
import { LiveSocket } from './live.socket';
import { LiveViewerRegistry } from './live-viewer-registry';
import { redisKey } from '../../platform/redis';
import { RunnerLiveMuxer } from './runner-live-muxer';

export { liveRoutes } from './live.routes';
export { liveStaticRoutes } from './live-static.routes';
export { LiveIngestLease } from './live-ingest-lease';
export { VideoLiveModel, LiveSessionModel } from './live.model';
export type { LiveMuxer, LiveMuxingSpec, LiveMuxerFactory } from './live-muxer';
export { LiveManager, LiveService };
export type { LiveSocket, LiveViewerCounts } from './live.socket';

export interface LiveServices {
  manager: LiveManager;
  lives: LiveService;
  /** Live viewer counts per video (federation adds remote viewers). */
  viewers: LiveSocket;
  /** `live` section of GET /config (ports are those bound at boot). */
  configSection: () => Record<string, unknown>;
}

/** Wires the live module; main.ts calls `manager.recover()` then `manager.listen()` in the web process holding the ingest lease. */
export function createLiveServices(
  ctx: AppContext,
  deps: { videos: VideoService; realtime: RealtimeServer; startTranscoding: StartTranscoding; runnerLive: RunnerLiveJobs },
): LiveServices {
  // The seam for remote runners (docs/live.md): read per muxing, so a runtime config change
  // applies to the next session or restart.
  const onRunners = () => ctx.config.live.transcoding.enabled && ctx.config.live.transcoding.remote_runners.enabled;
  const muxerFactory = () => (onRunners() ? new RunnerLiveMuxer(ctx, deps.runnerLive) : new LocalLiveMuxer());
  const manager = new LiveManager(ctx, muxerFactory, deps.startTranscoding, () => deps.runnerLive.cancelOrphans());
  const registry = new LiveViewerRegistry(ctx.redis, (videoId) => redisKey(ctx.config, 'live', 'viewers', videoId));
  const socket = new LiveSocket(ctx.redis, redisKey(ctx.config, 'live', 'socket'), registry, ctx.logger.child({ module: 'live-socket' }));
  socket.attach(deps.realtime);
  manager.useNotifier({
    stateChanged: (videoId, state) => {
      socket.stateChanged(videoId, state);
      void ctx.events.emit('live-state-changed', { videoId });
    },
  });
  const lives = new LiveService(ctx, deps.videos, manager);
  return { manager, lives, viewers: socket, configSection: () => liveConfigSection(ctx.config, manager.ports) };
}

import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import { LIVE_SOCKET } from '@shoal/models';
import type { RealtimeServer } from '../../platform/realtime';
import type { LiveNotifier } from './live-manager';
import type { LiveViewerRegistry } from './live-viewer-registry';

const room = (videoId: number) => `video-${videoId}`;
/** Viewers join in bursts: one count sent per video per this much time. */
const COUNT_DEBOUNCE_MS = 250;

/**
 * Viewers known outside this instance's sockets (federation: remote instances' viewers of a local
 * live, or the origin's total for a remote one), and who to tell when the instance's viewers change.
 */
export interface LiveViewerCounts {
  total(videoId: number, instance: number): Promise<number>;
  /** The instance's viewers of the video changed (federation reads the new count when it reports). */
  localChanged(videoId: number): void;
}

type BusMessage = { videoId: number; kind: 'state'; state: number } | { videoId: number; kind: 'count' };

/**
 * socket.io namespace `/live-videos` (PeerTube's): a viewer emits `subscribe {videoId}`
 * and receives `state-change {state}` and `views-change {viewers}` for that video. It
 * carries no private data (a state number, a count), so no authentication is asked.
 *
 * Viewers may be connected to any web process, and state changes happen in the one receiving
 * the stream (or in a worker, for federated counts): every change goes through a Redis
 * channel and each web process tells its own sockets. Counts are the instance's
 * (LiveViewerRegistry), plus what federation knows.
 */
export class LiveSocket implements LiveNotifier {
  private nsp: Namespace | null = null;
  private counts: LiveViewerCounts | null = null;
  private subscriber: Redis | null = null;
  private readonly pendingCounts = new Set<number>();

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly registry: LiveViewerRegistry,
    private readonly logger: Logger,
  ) {}

  useViewerCounts(counts: LiveViewerCounts): void {
    this.counts = counts;
  }

  /** Viewers of the video in every web process of the instance. */
  instanceViewers(videoId: number): Promise<number> {
    return this.registry.total(videoId);
  }

  /** What viewers are shown: the instance's viewers plus those counted elsewhere. */
  async count(videoId: number): Promise<number> {
    const instance = await this.registry.total(videoId).catch(() => 0);
    return this.counts ? this.counts.total(videoId, instance).catch(() => instance) : instance;
  }

  /** Has every web process send the current count to the video's room. */
  publishViewers(videoId: number): void {
    this.publish({ videoId, kind: 'count' });
  }

  stateChanged(videoId: number, state: number): void {
    this.publish({ videoId, kind: 'state', state });
  }

  attach(realtime: RealtimeServer): void {
    realtime.onAttach((io) => {
      const nsp = io.of(LIVE_SOCKET.namespace);
      nsp.on('connection', (socket) => {
        const videoIdOf = (payload: unknown) => {
          const id = Number((payload as { videoId?: unknown } | null)?.videoId);
          return Number.isInteger(id) && id > 0 ? id : null;
        };
        socket.on(LIVE_SOCKET.subscribe, (payload: unknown) => {
          const id = videoIdOf(payload);
          if (id === null) return;
          void socket.join(room(id));
          this.localChanged(id);
        });
        socket.on(LIVE_SOCKET.unsubscribe, (payload: unknown) => {
          const id = videoIdOf(payload);
          if (id === null) return;
          void socket.leave(room(id));
          this.localChanged(id);
        });
        socket.on('disconnecting', () => {
          for (const r of socket.rooms) if (r.startsWith('video-')) setImmediate(() => this.localChanged(Number(r.slice(6))));
        });
      });
      this.nsp = nsp;
      // A subscribed ioredis connection can do nothing else: a dedicated one.
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', (_channel: string, raw: string) => this.deliver(raw));
      this.subscriber.subscribe(this.channel).catch((err: Error) => this.logger.warn({ err }, 'live socket events unavailable'));
    });
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = null;
    await this.registry.close();
  }

  private localChanged(videoId: number): void {
    const local = this.nsp?.adapter.rooms.get(room(videoId))?.size ?? 0;
    this.registry
      .setLocal(videoId, local)
      .then(() => {
        this.counts?.localChanged(videoId);
        this.publishViewers(videoId);
      })
      .catch((err: unknown) => this.logger.warn({ err, videoId }, 'live viewers: cannot record'));
  }

  private publish(message: BusMessage): void {
    this.redis
      .publish(this.channel, JSON.stringify(message))
      .catch((err: Error) => this.logger.warn({ err }, 'live socket: cannot publish'));
  }

  private deliver(raw: string): void {
    let message: BusMessage;
    try {
      message = JSON.parse(raw) as BusMessage;
    } catch {
      return;
    }
    const nsp = this.nsp;
    if (!nsp || !Number.isInteger(message.videoId)) return;
    if (message.kind === 'state') {
      nsp.to(room(message.videoId)).emit(LIVE_SOCKET.stateChange, { state: message.state });
      return;
    }
    if (this.pendingCounts.has(message.videoId)) return;
    this.pendingCounts.add(message.videoId);
    setTimeout(() => {
      this.pendingCounts.delete(message.videoId);
      void this.count(message.videoId).then((viewers) => nsp.to(room(message.videoId)).emit(LIVE_SOCKET.viewsChange, { viewers }));
    }, COUNT_DEBOUNCE_MS).unref();
  }
}

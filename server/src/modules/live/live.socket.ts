import type { Namespace } from 'socket.io';
import { LIVE_SOCKET } from '@shoal/models';
import type { RealtimeServer } from '../../platform/realtime';
import type { LiveNotifier } from './live-manager';

const room = (videoId: number) => `video-${videoId}`;

/**
 * Viewers known outside this process's sockets (federation: remote instances' viewers of a local
 * live, or the origin's total for a remote one), and who to tell when local viewers change.
 */
export interface LiveViewerCounts {
  total(videoId: number, local: number): Promise<number>;
  localChanged(videoId: number, local: number): void;
}

/**
 * socket.io namespace `/live-videos` (PeerTube's): a viewer emits `subscribe {videoId}`
 * and receives `state-change {state}` and `views-change {viewers}` for that video. It
 * carries no private data (a state number, a count), so no authentication is asked.
 */
export class LiveSocket implements LiveNotifier {
  private nsp: Namespace | null = null;
  private counts: LiveViewerCounts | null = null;

  useViewerCounts(counts: LiveViewerCounts): void {
    this.counts = counts;
  }

  /** Sockets of this process watching the video. */
  localViewers(videoId: number): number {
    return this.nsp?.adapter.rooms.get(room(videoId))?.size ?? 0;
  }

  /** Sends the current count to the video's room (after a change known elsewhere). */
  publishViewers(videoId: number): void {
    void this.emitCount(videoId);
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
          this.emitViewers(id);
        });
        socket.on(LIVE_SOCKET.unsubscribe, (payload: unknown) => {
          const id = videoIdOf(payload);
          if (id === null) return;
          void socket.leave(room(id));
          this.emitViewers(id);
        });
        socket.on('disconnecting', () => {
          for (const r of socket.rooms) if (r.startsWith('video-')) setImmediate(() => this.emitViewers(Number(r.slice(6))));
        });
      });
      this.nsp = nsp;
    });
  }

  stateChanged(videoId: number, state: number): void {
    this.nsp?.to(room(videoId)).emit(LIVE_SOCKET.stateChange, { state });
  }

  /** Viewers = sockets of this process subscribed to the video (plus those counted elsewhere). */
  private emitViewers(videoId: number): void {
    this.counts?.localChanged(videoId, this.localViewers(videoId));
    void this.emitCount(videoId);
  }

  /** Viewers of the video now: this process's sockets plus those counted elsewhere. */
  async count(videoId: number): Promise<number> {
    const local = this.localViewers(videoId);
    return this.counts ? this.counts.total(videoId, local).catch(() => local) : local;
  }

  private async emitCount(videoId: number): Promise<void> {
    const viewers = await this.count(videoId);
    this.nsp?.to(room(videoId)).emit(LIVE_SOCKET.viewsChange, { viewers });
  }
}

import type { Namespace } from 'socket.io';
import { LIVE_SOCKET } from '@shoal/models';
import type { RealtimeServer } from '../../platform/realtime';
import type { LiveNotifier } from './live-manager';

const room = (videoId: number) => `video-${videoId}`;

/**
 * socket.io namespace `/live-videos` (PeerTube's): a viewer emits `subscribe {videoId}`
 * and receives `state-change {state}` and `views-change {viewers}` for that video. It
 * carries no private data (a state number, a count), so no authentication is asked.
 */
export class LiveSocket implements LiveNotifier {
  private nsp: Namespace | null = null;

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

  /** Viewers = sockets of this process subscribed to the video. */
  private emitViewers(videoId: number): void {
    const viewers = this.nsp?.adapter.rooms.get(room(videoId))?.size ?? 0;
    this.nsp?.to(room(videoId)).emit(LIVE_SOCKET.viewsChange, { viewers });
  }
}

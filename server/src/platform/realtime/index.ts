import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';

/**
 * The one socket.io server of a web process. Modules add their namespaces with `onAttach`
 * (runners, live videos…): two socket.io servers on one HTTP server would fight over `/socket.io/`.
 */
export class RealtimeServer {
  private io: SocketServer | null = null;
  private readonly setups: ((io: SocketServer) => void)[] = [];

  /** Runs `setup` once the HTTP server exists (at once if it already does). */
  onAttach(setup: (io: SocketServer) => void): void {
    this.setups.push(setup);
    if (this.io) setup(this.io);
  }

  attach(server: HttpServer): void {
    // Long-polling stays allowed: some proxies do not pass WebSocket upgrades.
    this.io = new SocketServer(server, { cors: { origin: '*' }, serveClient: false });
    for (const setup of this.setups) setup(this.io);
  }

  close(): void {
    if (!this.io) return;
    // Not io.close(): that would also close the HTTP server, which main.ts closes itself.
    for (const nsp of this.io._nsps.values()) nsp.disconnectSockets(true);
    this.io.engine.close();
  }
}

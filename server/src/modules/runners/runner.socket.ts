import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import type { Logger } from '../../platform/logger';
import type { RunnerNotifier } from './runner-job.service';
import type { RunnerService } from './runner.service';

/** Several job changes in a burst make one ping (PeerTube debounces too). */
const DEBOUNCE_MS = 500;

/**
 * socket.io namespace `/runners`: runners authenticate with their runner token in the
 * handshake and get `available-jobs` (no payload) whenever work becomes pending.
 */
export class RunnerSocket implements RunnerNotifier {
  private io: SocketServer | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runners: RunnerService,
    private readonly logger: Logger,
  ) {}

  attach(server: HttpServer): void {
    // Long-polling stays allowed: some proxies do not pass WebSocket upgrades.
    this.io = new SocketServer(server, { cors: { origin: '*' }, serveClient: false });
    const nsp = this.io.of('/runners');
    nsp.use((socket, next) => {
      this.runners.isKnown(socket.handshake.auth?.runnerToken).then(
        (ok) => next(ok ? undefined : new Error('Unknown runner token')),
        (err: Error) => next(err),
      );
    });
    nsp.on('connection', (socket) => this.logger.debug({ id: socket.id }, 'runner connected'));
  }

  notify(): void {
    if (!this.io || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.io?.of('/runners').emit('available-jobs');
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    // Not io.close(): that would also close the HTTP server, which main.ts closes itself.
    this.io?.of('/runners').disconnectSockets(true);
    this.io?.engine.close();
  }
}

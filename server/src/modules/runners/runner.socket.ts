import type { Redis } from 'ioredis';
import type { Namespace } from 'socket.io';
import type { Logger } from '../../platform/logger';
import type { RealtimeServer } from '../../platform/realtime';
import type { RunnerNotifier } from './runner-job.service';
import type { RunnerService } from './runner.service';

/** Several job changes in a burst make one ping (PeerTube debounces too). */
const DEBOUNCE_MS = 500;

/**
 * socket.io namespace `/runners`: runners authenticate with their runner token in the
 * handshake and get `available-jobs` (no payload) whenever work becomes pending.
 *
 * Jobs are created by whichever process runs the code (a worker finishing a transcode, a web
 * process answering a runner), while runners are connected to web processes: every change is
 * published on Redis and each web process pings its own runners.
 */
export class RunnerSocket implements RunnerNotifier {
  private nsp: Namespace | null = null;
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly channel: string;

  constructor(
    private readonly runners: RunnerService,
    private readonly redis: Redis,
    redisPrefix: string,
    private readonly logger: Logger,
  ) {
    this.channel = `${redisPrefix}:runners:available-jobs`;
  }

  attach(realtime: RealtimeServer): void {
    realtime.onAttach((io) => {
      const nsp = io.of('/runners');
      nsp.use((socket, next) => {
        this.runners.isKnown(socket.handshake.auth?.runnerToken).then(
          (ok) => next(ok ? undefined : new Error('Unknown runner token')),
          (err: Error) => next(err),
        );
      });
      nsp.on('connection', (socket) => this.logger.debug({ id: socket.id }, 'runner connected'));
      this.nsp = nsp;
      // A subscribed ioredis connection can do nothing else: a dedicated one.
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', () => this.pingSoon());
      this.subscriber.subscribe(this.channel).catch((err: Error) => this.logger.warn({ err }, 'runner notifications unavailable'));
    });
  }

  notify(): void {
    this.redis.publish(this.channel, '1').catch((err: Error) => this.logger.warn({ err }, 'could not publish available-jobs'));
  }

  private pingSoon(): void {
    if (!this.nsp || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nsp?.emit('available-jobs');
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriber?.disconnect();
    this.subscriber = null;
  }
}

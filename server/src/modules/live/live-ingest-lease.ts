import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Extends the lease only if this process still holds it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface IngestRole {
  /** This process now receives the streams: close what a dead holder left open, open RTMP. */
  acquired(): Promise<void>;
  /** The lease was lost (this process stalled past its expiry): stop receiving streams. */
  lost(): Promise<void>;
}

/**
 * Which web process receives the RTMP streams. Live sessions live in the memory of the
 * process that receives them, and at boot that process closes the sessions its dead
 * predecessor left open. With several web processes (docs/deployment.md), a second one
 * starting must neither close the sessions the first is running nor try to bind the same
 * RTMP port: only the holder of this Redis lease does either. The others serve the API and
 * the HLS files (shared storage) and take the lease over within `ttlMs` when the holder dies.
 */
export class LiveIngestLease {
  /** `<host> <pid> <random>`: a restart on the same host can tell its dead predecessor's lease. */
  private readonly token = `${hostname()} ${process.pid} ${randomUUID()}`;
  private timer: NodeJS.Timeout | null = null;
  private held = false;
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly logger: Logger,
    private readonly ttlMs = 15_000,
  ) {}

  get holding(): boolean {
    return this.held;
  }

  /** Tries now, then every third of the TTL: renews while held, tries to acquire otherwise. */
  async start(role: IngestRole): Promise<void> {
    await this.tick(role);
    this.timer = setInterval(
      () => void this.tick(role).catch((err: unknown) => this.logger.error({ err }, 'live ingest lease')),
      this.ttlMs / 3,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.held) await this.redis.eval(RELEASE, 1, this.key, this.token).catch(() => undefined);
    this.held = false;
  }

  private async tick(role: IngestRole): Promise<void> {
    if (this.stopped) return;
    if (this.held) {
      const renewed = await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs)).catch(() => 0);
      if (renewed === 1) return;
      this.held = false;
      this.logger.error('lost the live ingest lease: another process receives the streams now');
      await role.lost();
      return;
    }
    let acquired = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    if (acquired !== 'OK' && (await this.takeOverDeadLocalHolder())) {
      acquired = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    }
    if (acquired !== 'OK') return;
    this.held = true;
    this.logger.info('this process receives the live streams (RTMP)');
    await role.acquired();
  }

  /**
   * A server that crashed and restarted on the same machine would otherwise wait for its own
   * old lease to expire before receiving streams again. A holder on this host whose process
   * is gone (or has our pid: a container restarted, pid 1 again) is dead: its lease goes.
   */
  private async takeOverDeadLocalHolder(): Promise<boolean> {
    const holder = await this.redis.get(this.key);
    const [host, pidText] = holder?.split(' ') ?? [];
    const pid = Number(pidText);
    if (!holder || host !== hostname() || !Number.isInteger(pid) || (pid !== process.pid && isAlive(pid))) return false;
    return (await this.redis.eval(RELEASE, 1, this.key, holder)) === 1;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import type { Redis } from 'ioredis';

/** Consecutive failures after which a host is paused, and for how long. */
export const HOST_FAILURES_BEFORE_PAUSE = 5;
export const HOST_PAUSE_SECONDS = 15 * 60;

/**
 * Tracks inboxes' hosts that keep failing: after N consecutive failures a host is paused for a
 * while (Redis keys with a TTL), so deliveries to a dead server wait instead of burning attempts.
 */
export class HostHealth {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(kind: 'fail' | 'paused', host: string): string {
    return `${this.prefix}:fed:host-${kind}:${host}`;
  }

  async isPaused(host: string): Promise<boolean> {
    return (await this.redis.exists(this.key('paused', host))) === 1;
  }

  async recordSuccess(host: string): Promise<void> {
    await this.redis.del(this.key('fail', host));
  }

  async recordFailure(host: string): Promise<void> {
    const failures = await this.redis.incr(this.key('fail', host));
    await this.redis.expire(this.key('fail', host), 24 * 3600);
    if (failures >= HOST_FAILURES_BEFORE_PAUSE) {
      await this.redis.set(this.key('paused', host), '1', 'EX', HOST_PAUSE_SECONDS);
      await this.redis.del(this.key('fail', host));
    }
  }
}

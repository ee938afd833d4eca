import type { Redis } from 'ioredis';

/**
 * Per-object ordering of deliveries. Each send gets the next sequence number of its order key
 * (usually the object id); a delivery job only POSTs when its number is higher than the last one
 * delivered to that inbox for that key. A late retry of an older activity (Create after its Update,
 * Update after the Delete) is dropped instead of overwriting newer state on the receiver.
 */
export class ObjectSequence {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async next(orderKey: string): Promise<number> {
    const key = `${this.prefix}:fed:seq:${orderKey}`;
    const [[, seq]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, 30 * 86400)
      .exec()) as [[null, number], unknown];
    return seq;
  }

  /** True if `seq` may still be delivered to `inbox`; atomically records it as the latest. */
  async claim(orderKey: string, inbox: string, seq: number): Promise<boolean> {
    const key = `${this.prefix}:fed:sent:${orderKey}:${inbox}`;
    // Lua keeps the compare-and-set atomic between concurrent workers.
    const claimed = await this.redis.eval(
      "local v = tonumber(redis.call('GET', KEYS[1]) or '0') if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end return 0",
      1,
      key,
      String(seq),
      String(30 * 86400),
    );
    return claimed === 1;
  }

  /** Gives the slot back when the POST failed, so this delivery's retry is not dropped as stale. */
  async release(orderKey: string, inbox: string, seq: number): Promise<void> {
    const key = `${this.prefix}:fed:sent:${orderKey}:${inbox}`;
    await this.redis.eval(
      "if tonumber(redis.call('GET', KEYS[1]) or '0') == tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') end return 0",
      1,
      key,
      String(seq),
      String(seq - 1),
    );
  }
}

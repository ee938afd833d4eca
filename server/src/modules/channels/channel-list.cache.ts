import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AppContext } from '../../platform/context';

export interface CachedBody {
  /** UTF-8 bytes: encoding a large string again on every hit would cost more than the lookup. */
  body: Buffer;
  etag: string;
}

interface Entry {
  value: Promise<CachedBody>;
  expires: number;
}

/** Distinct pages kept at most; a crawler walking every offset cannot grow memory without bound. */
const MAX_ENTRIES = 256;

/**
 * Serialized pages of the public channel list, kept in memory for `ttl` ms. The list is the
 * same for every caller, is read far more often than channels change, and costs a join over
 * four tables plus images per page. Any local change clears every process's copy through a
 * Redis channel; the TTL only bounds staleness from changes that do not announce themselves.
 * Concurrent misses share one query.
 */
export class ChannelListCache {
  private readonly entries = new Map<string, Entry>();
  private readonly topic: string;
  private subscriber?: Redis;
  private subscribing = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly ttl: number,
  ) {
    this.topic = `${ctx.config.redis.prefix}:channel-lists:invalidate`;
  }

  /** Lazily, so processes that never serve the list (workers) hold no extra connection. */
  private subscribe(): void {
    if (this.subscribing || this.ttl <= 0) return;
    this.subscribing = true;
    const sub = this.ctx.redis.duplicate();
    sub.on('message', () => this.clearLocal());
    sub.on('error', (err) => this.ctx.logger.warn({ err }, 'channel list cache subscriber error'));
    // Until subscribed, another process's change would go unnoticed: stay uncached meanwhile.
    sub.subscribe(this.topic).then(
      () => (this.subscriber = sub),
      (err: unknown) => this.ctx.logger.warn({ err }, 'channel list cache disabled: cannot subscribe'),
    );
  }

  async get(key: string, build: () => Promise<string>): Promise<CachedBody> {
    this.subscribe();
    if (!this.subscriber) return withEtag(await build());
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = build().then(withEtag);
    const entry = { value, expires: now + this.ttl };
    this.entries.set(key, entry);
    // An invalidation clears the map, so a page built from data read before a change is
    // never served after it; a failed build is dropped so the next request retries.
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return value;
  }

  /** Drops this process's pages now and tells the other processes to do the same. */
  invalidate(): void {
    this.clearLocal();
    // Published even by processes that do not cache, since others may.
    if (this.ttl > 0) {
      this.ctx.redis
        .publish(this.topic, '1')
        .catch((err: unknown) => this.ctx.logger.warn({ err }, 'cannot publish channel list invalidation'));
    }
  }

  private clearLocal(): void {
    this.entries.clear();
  }
}

function withEtag(text: string): CachedBody {
  const body = Buffer.from(text);
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
}

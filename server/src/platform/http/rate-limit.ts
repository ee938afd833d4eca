import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { ServerErrorCode, UserRole } from '@shoal/models';
import { AppError } from '../errors';

export interface RateRule {
  window: number;
  max: number;
}

/** Largest block of requests one process reserves at a time. */
const MAX_LEASE = 64;

/** Requests of one client in one window, as this process knows them. */
interface Lease {
  /** Numbers of the requests this process reserved in Redis: `next` up to `last` are still free. */
  next: number;
  last: number;
  /** Size of the next reservation: doubles while the client keeps using them up. */
  size: number;
  /** A reservation in flight: requests arriving meanwhile wait for it instead of sending their own. */
  pending: Promise<void> | null;
}

/**
 * Fixed-window counter per IP in Redis, shared by every web process. Administrators and
 * moderators are not limited.
 *
 * A Redis round trip per request costs more CPU than the rest of a cached GET's middleware, so a
 * busy client's requests are reserved in blocks (INCRBY): the first request of a window reserves
 * one, and each block used up doubles the next, up to a twentieth of the limit. A process thus
 * holds at most that many unused requests of a client, which only ever makes the limit stricter.
 */
export function rateLimit(redis: Redis, keyPrefix: string, rule: RateRule, now: () => number = Date.now): RequestHandler {
  const maxLease = Math.max(1, Math.min(MAX_LEASE, Math.floor(rule.max / 20)));
  let leases = new Map<string, Lease>();
  let leasesWindow = -1;

  const reserve = (key: string, lease: Lease): Promise<void> => {
    const size = lease.size;
    lease.pending = redis
      .multi()
      .incrby(key, size)
      .pexpire(key, rule.window)
      .exec()
      .then((results) => {
        const err = results?.[0]?.[0];
        if (err) throw err;
        const total = Number(results?.[0]?.[1] ?? 0);
        lease.next = total - size + 1;
        lease.last = total;
        lease.size = Math.min(maxLease, size * 2);
      })
      .finally(() => {
        lease.pending = null;
      });
    return lease.pending;
  };

  /** The number of this request in its window (1 = first), across every process. */
  const take = async (key: string, lease: Lease): Promise<number> => {
    for (;;) {
      if (lease.next <= lease.last) return lease.next++;
      await (lease.pending ?? reserve(key, lease));
    }
  };

  return (req, res, next) => {
    if (req.auth && req.auth.role !== UserRole.USER) return next();
    const windowIndex = Math.floor(now() / rule.window);
    if (windowIndex !== leasesWindow) {
      // A new window: every counter starts again, so the old leases can go (memory stays bounded).
      leases = new Map();
      leasesWindow = windowIndex;
    }
    const key = `${keyPrefix}:${req.ip}:${windowIndex}`;
    let lease = leases.get(key);
    if (!lease) {
      lease = { next: 1, last: 0, size: 1, pending: null };
      leases.set(key, lease);
    }
    const finish = (used: number) => {
      const resetMs = (windowIndex + 1) * rule.window - now();
      res.setHeader('X-RateLimit-Limit', rule.max);
      res.setHeader('X-RateLimit-Remaining', Math.max(0, rule.max - used));
      res.setHeader('X-RateLimit-Reset', Math.ceil((now() + resetMs) / 1000));
      if (used <= rule.max) return next();
      const retryAfter = String(Math.max(1, Math.ceil(resetMs / 1000)));
      next(
        new AppError(429, ServerErrorCode.RATE_LIMITED, 'Too many requests, please try again later', {
          headers: { 'Retry-After': retryAfter },
        }),
      );
    };
    // Within a reserved block the request goes on at once, without a promise.
    if (lease.next <= lease.last) finish(lease.next++);
    else take(key, lease).then(finish, next);
  };
}

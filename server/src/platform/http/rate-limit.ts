import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { ServerErrorCode, UserRole } from '@shoal/models';
import { AppError } from '../errors';

export interface RateRule {
  window: number;
  max: number;
}

/**
 * Fixed-window counter per IP in Redis, shared by every web process.
 * Administrators and moderators are not limited.
 */
export function rateLimit(redis: Redis, keyPrefix: string, rule: RateRule, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    if (req.auth && req.auth.role !== UserRole.USER) return next();
    const windowIndex = Math.floor(now() / rule.window);
    const key = `${keyPrefix}:${req.ip}:${windowIndex}`;
    redis
      .multi()
      .incr(key)
      .pexpire(key, rule.window)
      .exec()
      .then((results) => {
        const used = Number(results?.[0]?.[1] ?? 0);
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
      }, next);
  };
}

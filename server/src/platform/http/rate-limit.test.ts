import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { rateLimit } from './rate-limit';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Sends one request through a limiter; resolves with its status (200 or 429) and headers. */
function hit(limiter: ReturnType<typeof rateLimit>, ip: string): Promise<{ status: number; headers: Map<string, unknown> }> {
  const headers = new Map<string, unknown>();
  const req = { ip, auth: undefined } as unknown as Request;
  const res = { setHeader: (k: string, v: unknown) => headers.set(k, v) } as unknown as Response;
  return new Promise((ok, fail) =>
    limiter(req, res, (err?: unknown) => {
      if (!err) return ok({ status: 200, headers });
      const status = (err as { status?: number }).status;
      return status === 429 ? ok({ status, headers }) : fail(err);
    }),
  );
}

describe('rate limiter (real Redis)', () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `shoaltest-rl-${randomBytes(4).toString('hex')}`;
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets exactly `max` sequential requests of a client through, then answers 429', async () => {
    const limiter = rateLimit(redis, `${prefix}:seq`, { window: 60_000, max: 100 });
    const statuses: number[] = [];
    for (let i = 0; i < 130; i++) statuses.push((await hit(limiter, '10.0.0.1')).status);
    assert.equal(statuses.filter((s) => s === 200).length, 100);
    assert.deepEqual(statuses.slice(100), Array(30).fill(429));
    // Another client has its own counter.
    assert.equal((await hit(limiter, '10.0.0.2')).status, 200);
  });

  it('never lets more than `max` through across processes sharing Redis, and wastes little', async () => {
    const a = rateLimit(redis, `${prefix}:shared`, { window: 60_000, max: 200 });
    const b = rateLimit(redis, `${prefix}:shared`, { window: 60_000, max: 200 });
    // Bursts of concurrent requests alternating between two "processes".
    const results = [];
    for (let round = 0; round < 10; round++) {
      results.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => hit(i % 2 ? a : b, '10.0.0.3')))));
    }
    const allowed = results.filter((r) => r.status === 200).length;
    assert.ok(allowed <= 200, `${allowed} allowed`);
    // Each process may hold at most max/20 = 10 reserved requests it did not use.
    assert.ok(allowed >= 180, `${allowed} allowed`);
  });

  it('starts again in the next window and reports what is left', async () => {
    let clock = 1_000_000;
    const limiter = rateLimit(redis, `${prefix}:window`, { window: 1_000, max: 3 }, () => clock);
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await hit(limiter, '10.0.0.4'));
    assert.deepEqual(
      first.map((r) => r.status),
      [200, 200, 200, 429],
    );
    assert.equal(first[1]!.headers.get('X-RateLimit-Remaining'), 1);
    clock += 1_000;
    assert.equal((await hit(limiter, '10.0.0.4')).status, 200);
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { HOST_FAILURES_BEFORE_PAUSE, HostHealth } from '../../../server/src/modules/federation/delivery/host-health';
import { ObjectSequence } from '../../../server/src/modules/federation/delivery/object-sequence';

// Against the real Redis the test harness uses, under a throw-away prefix.
describe('delivery ordering and host health (Redis)', () => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `shoaltest-seq-${randomBytes(4).toString('hex')}`;

  after(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('drops a delivery older than one already sent to the same inbox for the same object', async () => {
    const seq = new ObjectSequence(redis, prefix);
    const create = await seq.next('https://a.example/v/1');
    const update = await seq.next('https://a.example/v/1');
    assert.equal(await seq.claim('https://a.example/v/1', 'https://b.example/inbox', update), true);
    assert.equal(await seq.claim('https://a.example/v/1', 'https://b.example/inbox', create), false);
    // Other inboxes keep their own order.
    assert.equal(await seq.claim('https://a.example/v/1', 'https://c.example/inbox', create), true);
  });

  it('lets a failed delivery be retried when nothing newer went out', async () => {
    const seq = new ObjectSequence(redis, prefix);
    const n = await seq.next('https://a.example/v/2');
    assert.equal(await seq.claim('https://a.example/v/2', 'https://b.example/inbox', n), true);
    await seq.release('https://a.example/v/2', 'https://b.example/inbox', n);
    assert.equal(await seq.claim('https://a.example/v/2', 'https://b.example/inbox', n), true);
  });

  it('pauses a host after repeated failures and forgets failures after a success', async () => {
    const health = new HostHealth(redis, prefix);
    for (let i = 0; i < HOST_FAILURES_BEFORE_PAUSE - 1; i++) await health.recordFailure('down.example');
    await health.recordSuccess('down.example');
    await health.recordFailure('down.example');
    assert.equal(await health.isPaused('down.example'), false);
    for (let i = 0; i < HOST_FAILURES_BEFORE_PAUSE; i++) await health.recordFailure('down.example');
    assert.equal(await health.isPaused('down.example'), true);
  });
});

import assert from 'node:assert/strict';
import { DomainEvents } from './domain-events';

describe('DomainEvents', () => {
  it('runs every listener in order and waits for them', async () => {
    const events = new DomainEvents({ error: () => undefined });
    const seen: string[] = [];
    events.on('video-published', async ({ videoId }) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`a${videoId}`);
    });
    events.on('video-published', ({ videoId }) => seen.push(`b${videoId}`));
    await events.emit('video-published', { videoId: 3 });
    assert.deepEqual(seen, ['a3', 'b3']);
  });

  it('logs a failing listener without failing the emitter or skipping the others', async () => {
    const errors: unknown[] = [];
    const events = new DomainEvents({ error: (obj: unknown) => void errors.push(obj) });
    let ran = false;
    events.on('user-banned', () => {
      throw new Error('boom');
    });
    events.on('user-banned', () => {
      ran = true;
    });
    await events.emit('user-banned', { userId: 1 });
    assert.equal(ran, true);
    assert.equal(errors.length, 1);
  });
});

import assert from 'node:assert/strict';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';

/**
 * A Follow refused once (A blocked B's host, answering 403, which B's delivery treats as final)
 * leaves B's follow pending. Once A lifts the block, B sends the Follow again by itself after
 * `federation.pending_follow_resend_interval` (2 s here), and A accepts it.
 */
describe('federation: pending follows sent again', function () {
  this.timeout(180_000);
  let a: TestServer, b: TestServer;

  before(async () => {
    [a, b] = await startServers(2, { configYaml: `federation:\n  pending_follow_resend_interval: '2 seconds'\n` });
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  const stateOnB = async () =>
    (
      await b.sql<{ state: string }>(`SELECT f.state FROM actor_follows f JOIN actors t ON t.id = f.target_actor_id WHERE t.host = $1`, [
        a.host,
      ])
    )[0]?.state;

  it('re-sends a follow left without an answer, which the target then accepts', async () => {
    await a.admin.expect(204, 'POST', '/api/v1/server/blocklist/servers', { json: { host: b.host } });
    await b.admin.expect(204, 'POST', '/api/v1/server/following', { json: { hosts: [a.host] } });
    // B's first Follow was refused by A's inbox (a final 4xx): nothing on A, still pending on B.
    await waitFor(
      async () => {
        const done = await b.admin.expect<{ total: number }>(200, 'GET', '/api/v1/jobs/completed', {
          query: { jobType: 'activitypub-http-deliver', count: 1 },
        });
        return done.total >= 1;
      },
      { timeout: 60_000, what: 'the first Follow delivered and refused' },
    );
    assert.equal(await stateOnB(), 'pending');
    assert.equal((await a.sql(`SELECT id FROM actor_follows`)).length, 0);

    await a.admin.expect(204, 'DELETE', `/api/v1/server/blocklist/servers/${encodeURIComponent(b.host)}`);
    await waitFor(async () => (await stateOnB()) === 'accepted', { timeout: 60_000, what: 'the follow accepted after a re-send' });
    assert.equal((await a.sql(`SELECT id FROM actor_follows WHERE state = 'accepted'`)).length, 1);
  });
});

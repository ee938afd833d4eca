import assert from 'node:assert/strict';
import type { VideoChannel, VideoDetails } from '@shoal/models';
import { createUser, type TestUser } from '../../api/api-fixtures';
import { makeClip } from '../../shared/media';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { uploadAndWait } from '../../videos/published';
import { FEDERATION_TEST_CONFIG, channelIdOf, remoteVideo } from './objects-fixtures';

/**
 * Changes made on A that never reach B as activities (written straight into A's database)
 * must still show on B once B's copy is older than `federation.refresh_interval` (1 s here)
 * and someone reads it on B: B fetches it again from A, and drops it when A answers 404.
 */
describe('federation: refresh of stale remote videos and actors', function () {
  this.timeout(300_000);
  let a: TestServer, b: TestServer;
  let alice: TestUser, bob: TestUser;
  let channelHandle: string;
  let renamedUuid: string, keptUuid: string;

  before(async () => {
    [a, b] = await startServers(2, { configYaml: `${FEDERATION_TEST_CONFIG}federation:\n  refresh_interval: '1 second'\n` });
    [alice, bob] = await Promise.all([createUser(a), createUser(b)]);
    channelHandle = `${alice.username}_channel@${a.host}`;
    await bob.client.expect(204, 'POST', '/api/v1/users/me/subscriptions', { json: { uri: channelHandle } });
    await waitFor(
      async () => (await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`))[0].n >= 1,
      { timeout: 60_000, what: 'B follows the channel on A' },
    );
    const clip = await makeClip({ seconds: 2, width: 320, height: 240 });
    const channelId = await channelIdOf(alice);
    renamedUuid = (await uploadAndWait(alice.client, clip, { channelId, name: 'First name', privacy: 1 })).uuid;
    keptUuid = (await uploadAndWait(alice.client, clip, { channelId, name: 'Second clip', privacy: 1 })).uuid;
    await Promise.all([remoteVideo(b, renamedUuid), remoteVideo(b, keptUuid)]);
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  /** Reads on B until `check` passes: each read past the interval queues one refresh. */
  function readOnBUntil<T>(path: string, check: (status: number, body: T) => boolean, what: string) {
    return waitFor(
      async () => {
        const res = await b.anonymous().api<T>('GET', path);
        return check(res.status, res.body) ? res : null;
      },
      { timeout: 60_000, interval: 500, what },
    );
  }

  it('shows on B a change A never sent, once B’s copy is stale and read', async () => {
    await a.sql(`UPDATE videos SET name = 'Renamed on A only' WHERE uuid = $1`, [renamedUuid]);
    const res = await readOnBUntil<VideoDetails>(
      `/videos/${renamedUuid}`,
      (_s, v) => v.name === 'Renamed on A only',
      'refreshed name on B',
    );
    assert.equal(res.body.isLocal, false);
    assert.ok(res.body.streamingPlaylists[0].playlistUrl.startsWith(`${a.url}/`), 'still playing from A');
  });

  it('refreshes a remote channel read on B', async () => {
    await a.sql(
      `UPDATE video_channels SET display_name = 'Channel renamed on A' WHERE actor_id = (
      SELECT id FROM actors WHERE preferred_username = $1 AND host IS NULL)`,
      [`${alice.username}_channel`],
    );
    await readOnBUntil<VideoChannel>(
      `/video-channels/${channelHandle}`,
      (_s, c) => c.displayName === 'Channel renamed on A',
      'refreshed channel on B',
    );
  });

  it('deletes on B a video A no longer serves (404)', async () => {
    await a.sql(`DELETE FROM videos WHERE uuid = $1`, [renamedUuid]);
    await readOnBUntil(`/videos/${renamedUuid}`, (status) => status === 404, 'video removed on B');
    assert.equal((await b.sql(`SELECT id FROM videos WHERE uuid = $1`, [renamedUuid])).length, 0);
    // The other video of the channel is untouched.
    assert.equal((await b.anonymous().api('GET', `/videos/${keptUuid}`)).status, 200);
  });

  it('deletes on B a channel A no longer serves, with its videos', async () => {
    await a.sql(`DELETE FROM actors WHERE preferred_username = $1 AND host IS NULL`, [`${alice.username}_channel`]);
    await readOnBUntil(`/video-channels/${channelHandle}`, (status) => status === 404, 'channel removed on B');
    assert.equal((await b.sql(`SELECT id FROM videos WHERE uuid = $1`, [keptUuid])).length, 0);
    assert.equal((await b.anonymous().api('GET', `/videos/${keptUuid}`)).status, 404);
  });

  it('keeps the copy when the origin is unreachable', async () => {
    const account = `/accounts/${alice.username}@${a.host}`;
    assert.equal((await b.anonymous().api('GET', account)).status, 200);
    const done = () => refreshJobsDone(b, 'federation-refresh-actor');
    const before = await done();
    await a.stop();
    try {
      // Reads past the interval queue refreshes that fail on the network: nothing is deleted.
      await waitFor(
        async () => {
          assert.equal((await b.anonymous().api('GET', account)).status, 200);
          return (await done()) >= before + 2;
        },
        { timeout: 60_000, interval: 500, what: 'two failed refreshes on B' },
      );
      assert.equal((await b.anonymous().api('GET', account)).status, 200);
      const [row] = await b.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actors WHERE preferred_username = $1`, [alice.username]);
      assert.equal(row.n, 1);
    } finally {
      await a.start();
    }
  });
});

/** How many refresh jobs of this type ran to completion on `server` (admin jobs API). */
async function refreshJobsDone(server: TestServer, jobType: string): Promise<number> {
  const res = await server.admin.expect<{ total: number }>(200, 'GET', '/api/v1/jobs/completed', { query: { jobType, count: 1 } });
  return res.total;
}

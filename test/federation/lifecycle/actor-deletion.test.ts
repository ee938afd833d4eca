import { existsSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { createUser, type TestUser } from '../../api/api-fixtures';
import { makeClip } from '../../shared/media';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { uploadAndWait } from '../../videos/published';
import { FEDERATION_TEST_CONFIG, channelIdOf, remoteVideo } from '../objects/objects-fixtures';

/**
 * Deleting a channel or a whole user on A sends a `Delete` of each actor; B, which follows them,
 * removes the remote actors with their channels, videos and comments.
 */
describe('federation: deleted accounts and channels', function () {
  this.timeout(300_000);
  let a: TestServer, b: TestServer;
  let alice: TestUser, bob: TestUser;
  let mainUuid: string, secondUuid: string;
  const secondName = `second_${process.pid}`;

  before(async () => {
    [a, b] = await startServers(2, { configYaml: FEDERATION_TEST_CONFIG });
    [alice, bob] = await Promise.all([createUser(a), createUser(b)]);
    await alice.client.expect(200, 'POST', '/api/v1/video-channels', { json: { name: secondName, displayName: 'Second channel' } });
    for (const uri of [`${alice.username}_channel@${a.host}`, `${secondName}@${a.host}`]) {
      await bob.client.expect(204, 'POST', '/api/v1/users/me/subscriptions', { json: { uri } });
    }
    await waitFor(
      async () => (await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`))[0].n >= 2,
      { timeout: 60_000, what: 'both subscriptions accepted on A' },
    );
    const clip = await makeClip({ seconds: 2, width: 320, height: 240 });
    const me = (await alice.client.api<{ videoChannels: Array<{ id: number; name: string }> }>('GET', '/users/me')).body;
    const secondId = me.videoChannels.find((c) => c.name === secondName)!.id;
    mainUuid = (await uploadAndWait(alice.client, clip, { channelId: await channelIdOf(alice), name: 'Main clip', privacy: 1 })).uuid;
    secondUuid = (await uploadAndWait(alice.client, clip, { channelId: secondId, name: 'Second clip', privacy: 1 })).uuid;
    await Promise.all([remoteVideo(b, mainUuid), remoteVideo(b, secondUuid)]);
    // A comment of Bob on the main video, stored on A as a remote comment.
    await bob.client.expect(200, 'POST', `/api/v1/videos/${mainUuid}/comment-threads`, { json: { text: 'Nice clip' } });
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  const actorsOnB = (name: string) => b.sql(`SELECT id FROM actors WHERE preferred_username = $1 AND host = $2`, [name, a.host]);

  it('removes on B a channel deleted on A, with its videos, and nothing else', async () => {
    await alice.client.expect(204, 'DELETE', `/api/v1/video-channels/${secondName}`);
    await waitFor(async () => (await actorsOnB(secondName)).length === 0, { timeout: 60_000, what: 'channel gone on B' });
    assert.equal((await b.anonymous().api('GET', `/video-channels/${secondName}@${a.host}`)).status, 404);
    assert.equal((await b.anonymous().api('GET', `/videos/${secondUuid}`)).status, 404);
    assert.equal((await b.anonymous().api('GET', `/videos/${mainUuid}`)).status, 200);
    assert.equal((await actorsOnB(alice.username)).length, 1);
  });

  it('removes on B the account, channels, videos and comments of a user deleted on A', async () => {
    const [copy] = await b.sql<{ thumbnail: string }>(`SELECT thumbnail_filename AS thumbnail FROM videos WHERE uuid = $1`, [mainUuid]);
    const thumbnail = join(b.storageDir, 'thumbnails', copy.thumbnail);
    assert.ok(existsSync(thumbnail), 'B copied the thumbnail');
    await a.admin.expect(204, 'DELETE', `/api/v1/users/${alice.id}`);
    await waitFor(
      async () => (await actorsOnB(alice.username)).length === 0 && (await actorsOnB(`${alice.username}_channel`)).length === 0,
      { timeout: 60_000, what: 'account and channel gone on B' },
    );
    assert.equal((await b.anonymous().api('GET', `/accounts/${alice.username}@${a.host}`)).status, 404);
    assert.equal((await b.anonymous().api('GET', `/videos/${mainUuid}`)).status, 404);
    assert.equal((await b.sql(`SELECT id FROM videos WHERE uuid = $1`, [mainUuid])).length, 0);
    assert.equal((await b.sql(`SELECT id FROM video_comments`)).length, 0, 'comments on the deleted videos went too');
    // Files go right after the rows.
    await waitFor(() => !existsSync(thumbnail), { timeout: 10_000, what: 'the copied thumbnail removed' });
  });
});

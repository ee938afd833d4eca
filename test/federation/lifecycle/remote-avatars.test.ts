import assert from 'node:assert/strict';
import type { VideoChannel } from '@shoal/models';
import { createUser, fileForm, png, type TestUser } from '../../api/api-fixtures';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';

/**
 * Avatars and banners of remote channels are copied to B in B's own sizes (served by B), keep
 * the origin's URL as `fileUrl`, and follow changes on A: A sends an `Update` of the channel
 * (B's refresh interval is the default 2 days, so nothing else would bring them).
 */
describe('federation: remote avatars and banners', function () {
  this.timeout(180_000);
  let a: TestServer, b: TestServer;
  let alice: TestUser, bob: TestUser;
  let name: string, handle: string;

  const channelOnB = async () => await b.anonymous().expect<VideoChannel>(200, 'GET', `/api/v1/video-channels/${handle}`);

  before(async () => {
    [a, b] = await startServers(2);
    [alice, bob] = await Promise.all([createUser(a), createUser(b)]);
    name = `${alice.username}_channel`;
    handle = `${name}@${a.host}`;
    await alice.client.expect(200, 'POST', `/api/v1/video-channels/${name}/avatar/pick`, {
      body: fileForm('avatarfile', await png(400, 400), 'a.png'),
    });
    await alice.client.expect(200, 'POST', `/api/v1/video-channels/${name}/banner/pick`, {
      body: fileForm('bannerfile', await png(2000, 400), 'b.png'),
    });
    await bob.client.expect(204, 'POST', '/api/v1/users/me/subscriptions', { json: { uri: handle } });
    // A sends its Updates to the channel's accepted followers: B's follow must be one first.
    await waitFor(
      async () => (await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`))[0].n >= 1,
      { timeout: 60_000, what: 'B follows the channel on A' },
    );
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  it('copies the avatar and banner of a remote channel, served from B', async () => {
    const channel = await channelOnB();
    assert.deepEqual(
      channel.avatars.map((i) => i.width).sort((x, y) => x - y),
      [48, 120, 600, 1500],
    );
    assert.equal(channel.banners.length, 2);
    for (const image of [...channel.avatars, ...channel.banners]) {
      assert.ok(image.fileUrl.startsWith(`${a.url}/`), `fileUrl is the origin's: ${image.fileUrl}`);
      const local = await fetch(`${b.url}${image.path}`);
      assert.equal(local.status, 200, image.path);
      assert.match(local.headers.get('content-type') ?? '', /^image\//);
    }
  });

  it('follows a new avatar, a removed banner and a new display name sent by A', async () => {
    const before = (await channelOnB()).avatars[0].fileUrl;
    await alice.client.expect(200, 'POST', `/api/v1/video-channels/${name}/avatar/pick`, {
      body: fileForm('avatarfile', await png(300, 300, true), 'c.png'),
    });
    await alice.client.expect(204, 'DELETE', `/api/v1/video-channels/${name}/banner`);
    await alice.client.expect(204, 'PUT', `/api/v1/video-channels/${name}`, { json: { displayName: 'Renamed channel' } });
    let last: VideoChannel | undefined;
    const after = await waitFor(
      async () => {
        const channel = (last = await channelOnB());
        const done = channel.avatars[0]?.fileUrl !== before && channel.banners.length === 0 && channel.displayName === 'Renamed channel';
        return done ? channel : null;
      },
      { timeout: 60_000, interval: 500, what: 'new avatar, no banner and new name on B' },
    ).catch((err: Error) => {
      const seen = last && { avatar: last.avatars[0]?.fileUrl, banners: last.banners.length, name: last.displayName };
      throw new Error(`${err.message}; last seen on B: ${JSON.stringify(seen)} (avatar before: ${before})`);
    });
    assert.equal(after.avatars.length, 4);
    assert.equal((await fetch(`${b.url}${after.avatars[0].path}`)).status, 200);
  });
});

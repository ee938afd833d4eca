import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserRole, type ActorImage, type ResultList, type VideoChannel } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { assertInvalid, createUser, fileForm, longString, png, RELAXED_LIMITS, uniqueName, type TestUser } from './api-fixtures';

describe('Video channels (/video-channels)', () => {
  let server: TestServer;
  let owner: TestUser;
  let stranger: TestUser;
  let moderator: TestUser;
  let otherAdmin: TestUser;

  before(async () => {
    server = await new TestServer({ configYaml: `${RELAXED_LIMITS}video_channels:\n  max_per_user: 4\n` }).start();
    [owner, stranger, moderator, otherAdmin] = await Promise.all([
      createUser(server),
      createUser(server),
      createUser(server, UserRole.MODERATOR),
      createUser(server, UserRole.ADMINISTRATOR),
    ]);
  });
  after(() => server.destroy());

  const create = (client: TestUser['client'], over: Record<string, unknown> = {}) =>
    client.api<{ videoChannel: { id: number } }>('POST', '/video-channels', {
      json: { name: uniqueName('chan'), displayName: 'A channel', ...over },
    });
  const get = (handle: string) => server.anonymous().api<VideoChannel>('GET', `/video-channels/${handle}`);
  const list = (query: Record<string, string | number> = {}) =>
    server.anonymous().expect<ResultList<VideoChannel>>(200, 'GET', '/api/v1/video-channels', { query: { count: 100, ...query } });

  describe('POST /video-channels', () => {
    it('creates a channel owned by the caller', async () => {
      const name = uniqueName('Chan');
      const res = await create(owner.client, { name, displayName: 'Cooking', description: 'Recipes and more', support: 'Tip me' });
      assert.equal(res.status, 200);
      const channel = (await get(name)).body;
      assert.equal(channel.id, res.body.videoChannel.id);
      assert.equal(channel.name, name);
      assert.equal(channel.displayName, 'Cooking');
      assert.equal(channel.description, 'Recipes and more');
      assert.equal(channel.support, 'Tip me');
      assert.equal(channel.isLocal, true);
      assert.equal(channel.host, server.host);
      assert.equal(channel.url, `${server.url}/video-channels/${name}`);
      assert.deepEqual(channel.avatars, []);
      assert.deepEqual(channel.banners, []);
      assert.equal(channel.ownerAccount.name, owner.username);
      assert.equal(channel.ownerAccount.userId, owner.id);
      assert.equal(channel.followersCount, 0);
    });

    for (const field of ['name', 'displayName']) {
      it(`refuses a body without ${field}`, async () => {
        assertInvalid(await create(owner.client, { [field]: undefined }), field);
      });
    }

    for (const [field, value] of [
      ['name', 'has space'],
      ['name', 'accent_é'],
      ['name', longString(51)],
      ['name', 12],
      ['displayName', ''],
      ['displayName', longString(121)],
      ['description', 'ab'],
      ['description', longString(1001)],
      ['support', longString(1001)],
      ['support', 5],
      ['bulkVideosSupportUpdate', true],
    ] as const) {
      it(`refuses ${field}=${JSON.stringify(value).slice(0, 20)}`, async () => {
        assertInvalid(await create(owner.client, { [field]: value }), field);
      });
    }

    it('requires a login', async () => {
      assertProblem(await create(server.anonymous()), 401);
    });

    it('refuses a name taken by a channel or an account, whatever the case', async () => {
      const name = uniqueName('dup');
      assert.equal((await create(owner.client, { name })).status, 200);
      assertProblem(await create(stranger.client, { name: name.toUpperCase() }), 409, 'conflict');
      assertProblem(await create(stranger.client, { name: owner.username }), 409, 'conflict');
      assertProblem(await create(stranger.client, { name: 'root' }), 409, 'conflict');
    });

    it('enforces the per-user channel limit', async () => {
      const user = await createUser(server);
      for (let i = 0; i < 3; i++) assert.equal((await create(user.client)).status, 200);
      assertProblem(await create(user.client), 403, 'forbidden');
    });
  });

  describe('GET /video-channels and /video-channels/:handle', () => {
    it('lists channels newest first with the total, and shows new ones at once', async () => {
      const before = await list();
      const name = uniqueName('fresh');
      await create(stranger.client, { name });
      const after = await list();
      assert.equal(after.total, before.total + 1);
      assert.equal(after.data[0].name, name);
      assert.equal(after.data.length, after.total);
    });

    it("shows the owner's new display name and avatar at once", async () => {
      await list();
      await owner.client.updateMe({ displayName: 'Owner Renamed' });
      await owner.client.pickImage('me', 'avatar', new Blob([await png()]), 'me.png');
      const mine = (await list()).data.filter((c) => c.ownerAccount.id === owner.accountId);
      assert.ok(
        mine.length > 0 && mine.every((c) => c.ownerAccount.displayName === 'Owner Renamed' && c.ownerAccount.avatars.length === 4),
      );
    });

    it('paginates and sorts by name', async () => {
      const page = await list({ start: 1, count: 2, sort: 'name' });
      assert.equal(page.data.length, 2);
      const all = await list({ sort: 'name' });
      assert.deepEqual(
        page.data.map((c) => c.id),
        all.data.slice(1, 3).map((c) => c.id),
      );
      const beyond = await list({ start: 10_000 });
      assert.deepEqual(beyond.data, []);
      assert.equal(beyond.total, all.total);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const first = await server.anonymous().api('GET', '/video-channels');
      const etag = first.headers.get('etag');
      assert.ok(etag);
      // fetch() adds "Cache-Control: no-cache" to conditional requests unless one is given.
      const headers = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
      const again = await server.anonymous().api('GET', '/video-channels', { headers });
      assert.equal(again.status, 304);
    });

    for (const [name, query] of [
      ['an unknown sort', { sort: 'displayName' }],
      ['a count above 100', { count: 101 }],
      ['a non-numeric start', { start: 'first' }],
    ] as const) {
      it(`refuses ${name}`, async () => {
        assertInvalid(await server.anonymous().api('GET', '/video-channels', { query }));
      });
    }

    it('finds a channel by name or name@host, never an account or a foreign host', async () => {
      const handle = `${owner.username}_channel`;
      assert.equal((await get(handle)).status, 200);
      assert.equal((await get(`${handle}@${server.host}`)).body.name, handle);
      assertProblem(await get(owner.username), 404, 'not_found');
      assertProblem(await get(`${handle}@elsewhere.example`), 404, 'not_found');
      assertProblem(await get('nobody_here'), 404, 'not_found');
      assertInvalid(await get(longString(301)), 'handle');
    });
  });

  describe('PUT /video-channels/:handle', () => {
    it('lets the owner update, and the list shows it at once', async () => {
      const name = uniqueName('upd');
      await create(owner.client, { name });
      await list();
      const res = await owner.client.api('PUT', `/video-channels/${name}`, {
        json: { displayName: 'Renamed', description: null, support: 'Support text', bulkVideosSupportUpdate: true },
      });
      assert.equal(res.status, 204);
      const channel = (await get(name)).body;
      assert.equal(channel.displayName, 'Renamed');
      assert.equal(channel.description, null);
      assert.equal(channel.support, 'Support text');
      assert.equal((await list()).data.find((c) => c.name === name)?.displayName, 'Renamed');
    });

    it('validates the body', async () => {
      const handle = `${owner.username}_channel`;
      assertInvalid(await owner.client.api('PUT', `/video-channels/${handle}`, { json: { displayName: '' } }), 'displayName');
      assertInvalid(await owner.client.api('PUT', `/video-channels/${handle}`, { json: { name: 'rename' } }), 'name');
      assertInvalid(await owner.client.api('PUT', `/video-channels/${handle}`, { json: { support: 'x' } }), 'support');
    });

    it('lets moderators edit channels of plain users but not of administrators', async () => {
      const ownerChannel = `${owner.username}_channel`;
      assert.equal(
        (await moderator.client.api('PUT', `/video-channels/${ownerChannel}`, { json: { displayName: 'Moderated' } })).status,
        204,
      );
      const adminChannel = `${otherAdmin.username}_channel`;
      assertProblem(await moderator.client.api('PUT', `/video-channels/${adminChannel}`, { json: { displayName: 'x' } }), 403);
      assert.equal((await server.admin.api('PUT', `/video-channels/${adminChannel}`, { json: { displayName: 'By root' } })).status, 204);
    });

    it('refuses strangers, anonymous callers and unknown channels', async () => {
      const handle = `${owner.username}_channel`;
      assertProblem(await stranger.client.api('PUT', `/video-channels/${handle}`, { json: { displayName: 'x' } }), 403, 'forbidden');
      assertProblem(await server.anonymous().api('PUT', `/video-channels/${handle}`, { json: { displayName: 'x' } }), 401);
      assertProblem(await owner.client.api('PUT', '/video-channels/does_not_exist', { json: { displayName: 'x' } }), 404);
    });
  });

  describe('DELETE /video-channels/:handle', () => {
    it('lets the owner delete a channel that is not the last one', async () => {
      const user = await createUser(server);
      const name = uniqueName('gone');
      await create(user.client, { name });
      assertProblem(await moderator.client.api('DELETE', `/video-channels/${name}`), 403);
      assertProblem(await stranger.client.api('DELETE', `/video-channels/${name}`), 403);
      assertProblem(await server.anonymous().api('DELETE', `/video-channels/${name}`), 401);
      assert.equal((await user.client.api('DELETE', `/video-channels/${name}`)).status, 204);
      assertProblem(await get(name), 404);
      assert.ok(!(await list()).data.some((c) => c.name === name));
      assertProblem(await user.client.api('DELETE', `/video-channels/${user.username}_channel`), 409, 'conflict');
      assertProblem(await user.client.api('DELETE', `/video-channels/${name}`), 404);
    });
  });

  describe('avatar and banner', () => {
    let handle: string;
    let owner: TestUser;
    const avatarDir = () => join(server.storageDir, 'avatars');
    before(async () => {
      owner = await createUser(server);
      handle = uniqueName('pics');
      assert.equal((await create(owner.client, { name: handle })).status, 200);
    });

    it('stores the channel avatar in four sizes and shows it in the channel', async () => {
      const res = await owner.client.api<{ avatars: ActorImage[] }>('POST', `/video-channels/${handle}/avatar/pick`, {
        body: fileForm('avatarfile', await png(500, 300), 'a.jpg'),
      });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.avatars.map((a) => a.width).sort((a, b) => a - b),
        [48, 120, 600, 1500],
      );
      assert.equal((await get(handle)).body.avatars.length, 4);
      assert.equal((await list()).data.find((c) => c.name === handle)?.avatars.length, 4);
    });

    it('stores the banner in 1920×317 and 600×100', async () => {
      const res = await owner.client.api<{ banners: ActorImage[] }>('POST', `/video-channels/${handle}/banner/pick`, {
        body: fileForm('bannerfile', await png(2000, 400), 'b.png'),
      });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.banners.map((b) => [b.width, b.height]).sort((a, b) => a[0] - b[0]),
        [
          [600, 100],
          [1920, 317],
        ],
      );
      const channel = (await get(handle)).body;
      assert.equal(channel.banners.length, 2);
      const image = await fetch(channel.banners[0].fileUrl);
      assert.equal(image.status, 200);
    });

    it('refuses bad files, wrong fields and other people', async () => {
      const files = readdirSync(avatarDir()).length;
      const pick = (kind: string, form: FormData, client = owner.client) =>
        client.api('POST', `/video-channels/${handle}/${kind}/pick`, { body: form });
      assertInvalid(await pick('avatar', fileForm('avatarfile', 'plain text', 'x.png')), 'avatarfile');
      assertInvalid(await pick('banner', fileForm('bannerfile', 'plain text', 'x.webp')), 'bannerfile');
      assertProblem(await pick('banner', fileForm('avatarfile', await png(), 'x.png')), 400);
      assertProblem(await pick('avatar', fileForm('avatarfile', await png(), 'x.png'), stranger.client), 403);
      assertProblem(await pick('avatar', fileForm('avatarfile', await png(), 'x.png'), server.anonymous()), 401);
      assertProblem(
        await owner.client.api('POST', '/video-channels/no_such_channel/avatar/pick', {
          body: fileForm('avatarfile', await png(), 'x.png'),
        }),
        404,
      );
      assert.equal(readdirSync(avatarDir()).length, files);
    });

    it('deletes the avatar and the banner with their files', async () => {
      const before = readdirSync(avatarDir()).length;
      assertProblem(await stranger.client.api('DELETE', `/video-channels/${handle}/banner`), 403);
      assert.equal((await owner.client.api('DELETE', `/video-channels/${handle}/avatar`)).status, 204);
      assert.equal((await owner.client.api('DELETE', `/video-channels/${handle}/banner`)).status, 204);
      const channel = (await get(handle)).body;
      assert.deepEqual([channel.avatars, channel.banners], [[], []]);
      assert.equal(readdirSync(avatarDir()).length, before - 6);
    });

    it('removes image files with the channel', async () => {
      await owner.client.expect(200, 'POST', `/api/v1/video-channels/${handle}/banner/pick`, {
        body: fileForm('bannerfile', await png(), 'b.png'),
      });
      const before = readdirSync(avatarDir()).length;
      assert.equal((await owner.client.api('DELETE', `/video-channels/${handle}`)).status, 204);
      assert.equal(readdirSync(avatarDir()).length, before - 2);
    });
  });
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { UserRole, type Account, type ActorImage, type MyUser } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { assertInvalid, createUser, fileForm, longString, png, RELAXED_LIMITS, type TestUser } from './api-fixtures';

describe('My user (/users/me)', () => {
  let server: TestServer;
  let me: TestUser;
  let avatarDir: string;

  before(async () => {
    server = await new TestServer({ configYaml: RELAXED_LIMITS }).start();
    me = await createUser(server);
    avatarDir = join(server.storageDir, 'avatars');
  });
  after(() => server.destroy());

  const avatarFiles = () => readdirSync(avatarDir).sort();

  describe('GET /users/me', () => {
    it('returns the full user with quota usage, account and channels', async () => {
      const user = await me.client.expect<MyUser>(200, 'GET', '/api/v1/users/me');
      assert.equal(user.id, me.id);
      assert.equal(user.username, me.username);
      assert.equal(user.email, `${me.username}@example.com`);
      assert.deepEqual(user.role, { id: UserRole.USER, label: 'User' });
      assert.equal(user.videoQuotaUsed, 0);
      assert.equal(user.videoQuotaUsedDaily, 0);
      assert.deepEqual(user.specialPlaylists, []);
      assert.equal(user.adminFlags, undefined);
      for (const key of ['nsfwPolicy', 'p2pEnabled', 'autoPlayVideo', 'videosHistoryEnabled', 'theme', 'blocked', 'twoFactorEnabled']) {
        assert.ok(key in user, `missing ${key}`);
      }
      assert.equal(user.account.id, me.accountId);
      assert.equal(user.account.userId, me.id);
      assert.equal(user.videoChannels.length, 1);
      assert.equal(user.videoChannels[0].ownerAccount.id, me.accountId);
      assert.equal(typeof user.lastLoginDate, 'string');
    });

    it('requires a valid token', async () => {
      assertProblem(await server.anonymous().api('GET', '/users/me'), 401, 'unauthorized');
      assertProblem(await server.anonymous().api('GET', '/users/me', { token: 'nope' }), 401, 'invalid_token');
    });
  });

  describe('GET /users/me/video-quota-used', () => {
    it('reports zero before any upload', async () => {
      assert.deepEqual(await me.client.expect(200, 'GET', '/api/v1/users/me/video-quota-used'), {
        videoQuotaUsed: 0,
        videoQuotaUsedDaily: 0,
      });
    });

    it('requires a login', async () => {
      assertProblem(await server.anonymous().api('GET', '/users/me/video-quota-used'), 401);
    });
  });

  describe('PUT /users/me', () => {
    it('updates preferences and the account profile', async () => {
      const res = await me.client.api('PUT', '/users/me', {
        json: {
          displayName: 'Someone Else',
          description: 'About me, at length.',
          nsfwPolicy: 'blur',
          p2pEnabled: false,
          autoPlayVideo: false,
          videoLanguages: ['en', 'fr'],
          language: 'fr',
          theme: 'dark',
          noWelcomeModal: true,
        },
      });
      assert.equal(res.status, 204);
      const user = await me.client.expect<MyUser>(200, 'GET', '/api/v1/users/me');
      assert.equal(user.account.displayName, 'Someone Else');
      assert.equal(user.account.description, 'About me, at length.');
      assert.equal(user.nsfwPolicy, 'blur');
      assert.equal(user.p2pEnabled, false);
      assert.deepEqual(user.videoLanguages, ['en', 'fr']);
      assert.equal(user.language, 'fr');
      assert.equal(user.noWelcomeModal, true);
      const account = await server.anonymous().expect<Account>(200, 'GET', `/api/v1/accounts/${me.username}`);
      assert.equal(account.displayName, 'Someone Else');
    });

    it('names the bad element of an array', async () => {
      assertInvalid(await me.client.api('PUT', '/users/me', { json: { videoLanguages: [longString(11)] } }), 'videoLanguages.0');
    });

    for (const [field, value] of [
      ['displayName', ''],
      ['displayName', longString(121)],
      ['description', 'ab'],
      ['description', longString(1001)],
      ['nsfwPolicy', 'sometimes'],
      ['p2pEnabled', 'true'],
      ['videoLanguages', 'en'],
      ['theme', longString(101)],
      ['email', 'not-an-email'],
      ['password', '123'],
      ['role', 0],
      ['videoQuota', -1],
    ] as const) {
      it(`refuses ${field}=${JSON.stringify(value).slice(0, 24)}`, async () => {
        assertInvalid(await me.client.api('PUT', '/users/me', { json: { [field]: value } }), field);
      });
    }

    it('requires the current password to change password or e-mail', async () => {
      for (const json of [
        { password: 'new-password-1' },
        { password: 'new-password-1', currentPassword: 'wrong-one' },
        { email: 'x@example.com' },
      ]) {
        assertProblem(await me.client.api('PUT', '/users/me', { json }), 401, 'invalid_current_password');
      }
    });

    it('changes the password with the current one, keeping this session only', async () => {
      const user = await createUser(server);
      const otherSession = await server.admin.as(user.username, user.password);
      const res = await user.client.api('PUT', '/users/me', { json: { password: 'changed-password', currentPassword: user.password } });
      assert.equal(res.status, 204);
      assert.equal((await user.client.api('GET', '/users/me')).status, 200);
      assertProblem(await otherSession.api('GET', '/users/me'), 401, 'invalid_token');
      await assert.rejects(server.admin.as(user.username, user.password));
      await server.admin.as(user.username, 'changed-password');
    });

    it('changes the e-mail unless another user has it', async () => {
      const user = await createUser(server);
      const taken = { email: `${me.username}@example.com`, currentPassword: user.password };
      assertProblem(await user.client.api('PUT', '/users/me', { json: taken }), 409, 'conflict');
      const fresh = { email: `new-${user.username}@example.com`, currentPassword: user.password };
      assert.equal((await user.client.api('PUT', '/users/me', { json: fresh })).status, 204);
      assert.equal((await user.client.me()).email, fresh.email);
    });

    it('requires a login', async () => {
      assertProblem(await server.anonymous().api('PUT', '/users/me', { json: { theme: 'x' } }), 401);
    });
  });

  describe('avatar', () => {
    const pick = (content: Buffer | string, filename = 'me.png', field = 'avatarfile', client = me.client) =>
      client.api<{ avatars: ActorImage[] }>('POST', '/users/me/avatar/pick', { body: fileForm(field, content, filename) });

    it('stores four square JPEG sizes served with long cache headers', async () => {
      const res = await pick(await png(300, 200));
      assert.equal(res.status, 200);
      const avatars = res.body.avatars;
      assert.deepEqual(
        avatars.map((a) => [a.width, a.height]).sort((a, b) => a[0] - b[0]),
        [
          [48, 48],
          [120, 120],
          [600, 600],
          [1500, 1500],
        ],
      );
      assert.equal(avatarFiles().length, 4);
      for (const a of avatars) {
        assert.match(a.path, /^\/lazy-static\/avatars\/[0-9a-f-]{36}\.jpg$/);
        assert.equal(a.fileUrl, server.url + a.path);
        const file = await fetch(a.fileUrl);
        assert.equal(file.status, 200);
        assert.equal(file.headers.get('content-type'), 'image/jpeg');
        assert.match(file.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
        assert.equal(file.headers.get('access-control-allow-origin'), '*');
      }
      const account = await server.anonymous().expect<Account>(200, 'GET', `/api/v1/accounts/${me.username}`);
      assert.equal(account.avatars.length, 4);
    });

    it('replaces the previous files', async () => {
      const before = avatarFiles();
      const res = await pick(await png(80, 80, true));
      assert.equal(res.status, 200);
      const after = avatarFiles();
      assert.equal(after.length, 4);
      assert.ok(
        after.every((f) => !before.includes(f) && f.endsWith('.webp')),
        'transparent images become WebP with new names',
      );
      assert.equal((await fetch(`${server.url}/lazy-static/avatars/${before[0]}`)).status, 404);
    });

    it('refuses a text file named .png and leaves nothing on disk', async () => {
      const before = avatarFiles();
      assertInvalid(await pick('this is not an image', 'fake.png'), 'avatarfile');
      assertInvalid(await pick(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(64)]), 'broken.png'), 'avatarfile');
      const noisy = await sharp({
        create: { width: 400, height: 400, channels: 3, background: 'black', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
      })
        .png()
        .toBuffer();
      assertInvalid(await pick(noisy.subarray(0, noisy.length / 2), 'truncated.png'), 'avatarfile');
      assert.deepEqual(avatarFiles(), before);
    });

    it('refuses other extensions, a missing file and the wrong field', async () => {
      const image = await png();
      assertInvalid(await pick(image, 'image.txt'), 'avatarfile');
      assertInvalid(await pick(image, 'image.svg'), 'avatarfile');
      assertInvalid(await me.client.api('POST', '/users/me/avatar/pick', { body: new FormData() }), 'avatarfile');
      assertInvalid(await me.client.api('POST', '/users/me/avatar/pick', { json: {} }), 'avatarfile');
      assertProblem(await pick(image, 'me.png', 'bannerfile'), 400, 'validation_error');
    });

    it('refuses a file above the size limit with 413', async () => {
      const before = avatarFiles();
      const big = Buffer.concat([await png(), Buffer.alloc(4 * 1024 * 1024 + 1)]);
      const res = await pick(big);
      assertProblem(res, 413, 'max_file_size_reached');
      assert.ok(res.headers.get('x-file-maximum-size'));
      assert.deepEqual(avatarFiles(), before);
    });

    it('requires a login', async () => {
      assertProblem(
        await server.anonymous().api('POST', '/users/me/avatar/pick', { body: fileForm('avatarfile', await png(), 'a.png') }),
        401,
      );
      assertProblem(await server.anonymous().api('DELETE', '/users/me/avatar'), 401);
    });

    it('deletes the avatar and its files', async () => {
      const res = await me.client.api('DELETE', '/users/me/avatar');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { avatars: [] });
      assert.deepEqual(avatarFiles(), []);
      assert.deepEqual((await me.client.me()).account.avatars, []);
      assert.equal((await me.client.api('DELETE', '/users/me/avatar')).status, 200, 'deleting twice is harmless');
    });
  });

  describe('DELETE /users/me', () => {
    it('deletes the caller with its account, channels and avatar files', async () => {
      const user = await createUser(server);
      await user.client.expect(200, 'POST', '/api/v1/users/me/avatar/pick', { body: fileForm('avatarfile', await png(), 'a.png') });
      assert.equal(avatarFiles().length, 4);
      assert.equal((await user.client.api('DELETE', '/users/me')).status, 204);
      assertProblem(await user.client.api('GET', '/users/me'), 401);
      assertProblem(await server.anonymous().api('GET', `/accounts/${user.username}`), 404);
      assert.deepEqual(avatarFiles(), []);
      assert.ok(existsSync(avatarDir));
    });

    it('refuses the initial administrator and anonymous callers', async () => {
      assertProblem(await server.admin.api('DELETE', '/users/me'), 403);
      assertProblem(await server.anonymous().api('DELETE', '/users/me'), 401);
    });
  });
});

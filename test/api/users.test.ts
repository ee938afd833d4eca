import assert from 'node:assert/strict';
import type { ShoalClient } from '@shoal/api-client';
import { UserRole, type ResultList, type User } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { assertInvalid, createUser, longString, RELAXED_LIMITS, uniqueName, type TestUser } from './api-fixtures';

describe('Users administration (/users)', () => {
  let server: TestServer;
  let admin: ShoalClient;
  let moderator: TestUser;
  let plain: TestUser;
  let otherAdmin: TestUser;

  before(async () => {
    server = await new TestServer({ configYaml: RELAXED_LIMITS }).start();
    admin = server.admin;
    [moderator, plain, otherAdmin] = await Promise.all([
      createUser(server, UserRole.MODERATOR),
      createUser(server, UserRole.USER),
      createUser(server, UserRole.ADMINISTRATOR),
    ]);
  });
  after(() => server.destroy());

  const newUserBody = (over: Record<string, unknown> = {}): Record<string, unknown> & { username: string; email: string } => {
    const username = uniqueName('created');
    return { username, password: 'secret-password', email: `${username}@example.com`, role: UserRole.USER, ...over };
  };
  const getUser = (id: number) => admin.expect<User>(200, 'GET', `/api/v1/users/${id}`);

  describe('POST /users', () => {
    it('creates a user with its account and default channel', async () => {
      const body = newUserBody({ videoQuota: 1000, adminFlags: 1 });
      const created = await admin.createUser(body as never);
      assert.ok(created.user.id > 0 && created.user.account.id > 0);
      const user = await getUser(created.user.id);
      assert.equal(user.username, body.username);
      assert.deepEqual(user.role, { id: UserRole.USER, label: 'User' });
      assert.equal(user.videoQuota, 1000);
      assert.equal(user.videoQuotaDaily, -1);
      assert.equal(user.adminFlags, 1);
      assert.equal(user.videoQuotaUsed, 0);
      assert.equal(user.account.name, body.username);
      assert.deepEqual(
        user.videoChannels.map((c) => c.name),
        [`${body.username}_channel`],
      );
    });

    it('uses the channel name given', async () => {
      const body = newUserBody({ channelName: uniqueName('chan') });
      const created = await admin.createUser(body as never);
      assert.equal((await getUser(created.user.id)).videoChannels[0].name, body.channelName);
    });

    for (const field of ['username', 'password', 'email', 'role']) {
      it(`refuses a body without ${field}`, async () => {
        const body: Record<string, unknown> = newUserBody();
        delete body[field];
        assertInvalid(await admin.api('POST', '/users', { json: body }), field);
      });
    }

    const badValues: Array<[string, unknown]> = [
      ['username', 'Upper Case'],
      ['username', longString(51)],
      ['username', 42],
      ['password', '12345'],
      ['password', longString(256)],
      ['email', 'not-an-email'],
      ['email', `${longString(395)}@example.com`],
      ['role', 3],
      ['role', 'admin'],
      ['videoQuota', -2],
      ['videoQuota', 'lots'],
      ['videoQuotaDaily', 1.5],
      ['channelName', 'has space'],
      ['channelName', longString(51)],
      ['adminFlags', -1],
    ];
    for (const [field, value] of badValues) {
      it(`refuses ${field}=${JSON.stringify(value).slice(0, 20)}`, async () => {
        assertInvalid(await admin.api('POST', '/users', { json: newUserBody({ [field]: value }) }), field);
      });
    }

    it('refuses unknown fields', async () => {
      assertInvalid(await admin.api('POST', '/users', { json: newUserBody({ isAdmin: true }) }), 'isAdmin');
    });

    it('requires authentication', async () => {
      assertProblem(await server.anonymous().api('POST', '/users', { json: newUserBody() }), 401);
    });

    it('refuses plain users', async () => {
      assertProblem(await plain.client.api('POST', '/users', { json: newUserBody() }), 403, 'forbidden');
    });

    it('lets moderators create plain users only', async () => {
      assert.equal((await moderator.client.api('POST', '/users', { json: newUserBody() })).status, 200);
      for (const role of [UserRole.MODERATOR, UserRole.ADMINISTRATOR]) {
        assertProblem(await moderator.client.api('POST', '/users', { json: newUserBody({ role }) }), 403, 'forbidden');
      }
    });

    it('refuses a taken username or e-mail, whatever the case', async () => {
      assertProblem(await admin.api('POST', '/users', { json: newUserBody({ username: plain.username.toUpperCase() }) }), 400);
      assertProblem(await admin.api('POST', '/users', { json: newUserBody({ username: plain.username }) }), 409, 'conflict');
      const email = `${plain.username}@EXAMPLE.com`;
      assertProblem(await admin.api('POST', '/users', { json: newUserBody({ email }) }), 409, 'conflict');
    });

    it('refuses a channel name already used by a channel or an account', async () => {
      assertProblem(await admin.api('POST', '/users', { json: newUserBody({ channelName: 'root_channel' }) }), 409, 'conflict');
      assertProblem(await admin.api('POST', '/users', { json: newUserBody({ channelName: plain.username }) }), 409, 'conflict');
    });

    it('refuses a username already used by a channel', async () => {
      assertProblem(await admin.api('POST', '/users', { json: newUserBody({ username: `${plain.username}_channel` }) }), 409, 'conflict');
    });

    it('refuses a channel name equal to the new username', async () => {
      const body = newUserBody();
      assertProblem(await admin.api('POST', '/users', { json: { ...body, channelName: body.username } }), 409, 'conflict');
    });
  });

  describe('GET /users and /users/:id', () => {
    it('lists users with admin fields, newest first', async () => {
      const list = await admin.expect<ResultList<User>>(200, 'GET', '/api/v1/users', { query: { count: 100 } });
      assert.ok(list.total >= 4);
      assert.equal(list.data.length, list.total);
      const first = list.data[0];
      assert.equal(typeof first.adminFlags, 'number');
      assert.equal(first.videoQuotaUsed, 0);
      const dates = list.data.map((u) => u.createdAt);
      assert.deepEqual(dates, [...dates].sort().reverse());
    });

    it('filters by search and blocked state, paginates and sorts', async () => {
      const found = await admin.expect<ResultList<User>>(200, 'GET', '/api/v1/users', { query: { search: plain.username } });
      assert.deepEqual(
        found.data.map((u) => u.username),
        [plain.username],
      );
      const blocked = await admin.expect<ResultList<User>>(200, 'GET', '/api/v1/users', { query: { blocked: true } });
      assert.ok(blocked.data.every((u) => u.blocked));
      const page = await admin.expect<ResultList<User>>(200, 'GET', '/api/v1/users', { query: { start: 1, count: 1, sort: 'username' } });
      assert.equal(page.data.length, 1);
      assert.ok(page.total > 1);
    });

    for (const [name, query] of [
      ['an unknown sort', { sort: 'password' }],
      ['a count above 100', { count: 101 }],
      ['a negative start', { start: -1 }],
      ['a non-boolean blocked', { blocked: 'maybe' }],
      ['an overlong search', { search: longString(501) }],
    ] as const) {
      it(`refuses ${name}`, async () => {
        assertInvalid(await admin.api('GET', '/users', { query }));
      });
    }

    it('is for user managers only', async () => {
      assertProblem(await server.anonymous().api('GET', '/users'), 401);
      assertProblem(await plain.client.api('GET', '/users'), 403, 'forbidden');
      assert.equal((await moderator.client.api('GET', '/users')).status, 200);
      assertProblem(await plain.client.api('GET', `/users/${plain.id}`), 403, 'forbidden');
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      assertProblem(await admin.api('GET', '/users/999999'), 404, 'not_found');
      assertInvalid(await admin.api('GET', '/users/abc'), 'id');
      assertInvalid(await admin.api('GET', '/users/0'), 'id');
    });
  });

  describe('PUT /users/:id', () => {
    it('updates the fields and revokes sessions when the role changes', async () => {
      const target = await createUser(server);
      const res = await admin.api('PUT', `/users/${target.id}`, {
        json: { videoQuota: 5000, videoQuotaDaily: 100, emailVerified: true, role: UserRole.MODERATOR, adminFlags: 1 },
      });
      assert.equal(res.status, 204);
      const user = await getUser(target.id);
      assert.equal(user.videoQuota, 5000);
      assert.equal(user.videoQuotaDaily, 100);
      assert.equal(user.emailVerified, true);
      assert.equal(user.role.id, UserRole.MODERATOR);
      assertProblem(await target.client.api('GET', '/users/me'), 401, 'invalid_token');
    });

    it('changes the password: old one refused, new one accepted', async () => {
      const target = await createUser(server);
      assert.equal((await admin.api('PUT', `/users/${target.id}`, { json: { password: 'brand-new-password' } })).status, 204);
      await assert.rejects(server.admin.as(target.username, target.password));
      await server.admin.as(target.username, 'brand-new-password');
    });

    for (const [field, value] of [
      ['email', 'nope'],
      ['videoQuota', -5],
      ['role', 9],
      ['emailVerified', 'yes'],
      ['password', 'short'],
      ['unknownField', 1],
    ] as const) {
      it(`refuses ${field}=${JSON.stringify(value)}`, async () => {
        assertInvalid(await admin.api('PUT', `/users/${plain.id}`, { json: { [field]: value } }), field);
      });
    }

    it('refuses an e-mail used by someone else', async () => {
      assertProblem(
        await admin.api('PUT', `/users/${plain.id}`, { json: { email: `${moderator.username}@example.com` } }),
        409,
        'conflict',
      );
    });

    it('lets moderators manage plain users but not admins, moderators or promotions', async () => {
      const target = await createUser(server);
      assert.equal((await moderator.client.api('PUT', `/users/${target.id}`, { json: { videoQuota: 10 } })).status, 204);
      assertProblem(await moderator.client.api('PUT', `/users/${target.id}`, { json: { role: UserRole.ADMINISTRATOR } }), 403);
      assertProblem(await moderator.client.api('PUT', `/users/${otherAdmin.id}`, { json: { videoQuota: 10 } }), 403);
      const otherModerator = await createUser(server, UserRole.MODERATOR);
      assertProblem(await moderator.client.api('PUT', `/users/${otherModerator.id}`, { json: { videoQuota: 10 } }), 403);
    });

    it('refuses self-management, plain users, anonymous callers and unknown ids', async () => {
      const me = await admin.me();
      assertProblem(await admin.api('PUT', `/users/${me.id}`, { json: { videoQuota: 1 } }), 403);
      assertProblem(await plain.client.api('PUT', `/users/${moderator.id}`, { json: { videoQuota: 1 } }), 403);
      assertProblem(await server.anonymous().api('PUT', `/users/${plain.id}`, { json: { videoQuota: 1 } }), 401);
      assertProblem(await admin.api('PUT', '/users/999999', { json: { videoQuota: 1 } }), 404);
    });
  });

  describe('POST /users/:id/block and /unblock', () => {
    it('blocks: the session dies, login is refused; unblocking restores login', async () => {
      const target = await createUser(server);
      const res = await moderator.client.api('POST', `/users/${target.id}/block`, { json: { reason: 'spamming the instance' } });
      assert.equal(res.status, 204);
      assertProblem(await target.client.api('GET', '/users/me'), 401, 'invalid_token');
      await assert.rejects(server.admin.as(target.username, target.password), /invalid_grant/);
      const user = await getUser(target.id);
      assert.equal(user.blocked, true);
      assert.equal(user.blockedReason, 'spamming the instance');

      assert.equal((await moderator.client.api('POST', `/users/${target.id}/unblock`)).status, 204);
      assert.equal((await getUser(target.id)).blocked, false);
      await server.admin.as(target.username, target.password);
    });

    it('validates the reason', async () => {
      assertInvalid(await admin.api('POST', `/users/${plain.id}/block`, { json: { reason: 'no' } }), 'reason');
      assertInvalid(await admin.api('POST', `/users/${plain.id}/block`, { json: { reason: longString(251) } }), 'reason');
      assertInvalid(await admin.api('POST', `/users/${plain.id}/block`, { json: { why: 'because' } }), 'why');
    });

    it('keeps moderators away from admins and protects the initial administrator', async () => {
      assertProblem(await moderator.client.api('POST', `/users/${otherAdmin.id}/block`), 403);
      assertProblem(await moderator.client.api('POST', `/users/${otherAdmin.id}/unblock`), 403);
      const root = await admin.me();
      assertProblem(await otherAdmin.client.api('POST', `/users/${root.id}/block`), 403);
    });

    it('refuses plain users, anonymous callers and unknown ids', async () => {
      assertProblem(await plain.client.api('POST', `/users/${moderator.id}/block`), 403);
      assertProblem(await server.anonymous().api('POST', `/users/${plain.id}/block`), 401);
      assertProblem(await admin.api('POST', '/users/999999/block'), 404);
      assertProblem(await admin.api('POST', '/users/999999/unblock'), 404);
    });
  });

  describe('DELETE /users/:id', () => {
    it('removes the user with its account and channels', async () => {
      const target = await createUser(server);
      assert.equal((await moderator.client.api('DELETE', `/users/${target.id}`)).status, 204);
      assertProblem(await admin.api('GET', `/users/${target.id}`), 404);
      assertProblem(await server.anonymous().api('GET', `/accounts/${target.username}`), 404);
      assertProblem(await server.anonymous().api('GET', `/video-channels/${target.username}_channel`), 404);
      assertProblem(await target.client.api('GET', '/users/me'), 401);
    });

    it('refuses wrong roles, the initial administrator and unknown ids', async () => {
      assertProblem(await moderator.client.api('DELETE', `/users/${otherAdmin.id}`), 403);
      assertProblem(await plain.client.api('DELETE', `/users/${moderator.id}`), 403);
      assertProblem(await server.anonymous().api('DELETE', `/users/${plain.id}`), 401);
      const root = await admin.me();
      assertProblem(await otherAdmin.client.api('DELETE', `/users/${root.id}`), 403);
      assertProblem(await admin.api('DELETE', '/users/999999'), 404);
    });
  });
});

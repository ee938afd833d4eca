import assert from 'node:assert/strict';
import type { Account, ResultList, VideoChannel } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { assertInvalid, createUser, fileForm, longString, png, RELAXED_LIMITS, type TestUser } from './api-fixtures';

describe('Accounts (/accounts)', () => {
  let server: TestServer;
  let alice: TestUser;

  before(async () => {
    server = await new TestServer({ configYaml: RELAXED_LIMITS }).start();
    alice = await createUser(server);
    await alice.client.expect(200, 'POST', '/api/v1/users/me/avatar/pick', { body: fileForm('avatarfile', await png(), 'a.png') });
    await alice.client.createChannel({ name: `${alice.username}_second`, displayName: 'Second' });
  });
  after(() => server.destroy());

  const anon = () => server.anonymous();

  describe('GET /accounts', () => {
    it('lists local accounts, newest first', async () => {
      const list = await anon().expect<ResultList<Account>>(200, 'GET', '/api/v1/accounts');
      assert.equal(list.total, 2);
      assert.deepEqual(
        list.data.map((a) => a.name),
        [alice.username, 'root'],
      );
      const oldestFirst = await anon().expect<ResultList<Account>>(200, 'GET', '/api/v1/accounts', {
        query: { sort: 'createdAt', count: 1 },
      });
      assert.deepEqual(
        oldestFirst.data.map((a) => a.name),
        ['root'],
      );
      assert.equal(oldestFirst.total, 2);
    });

    for (const [name, query] of [
      ['an unknown sort', { sort: 'name' }],
      ['a count above 100', { count: 101 }],
      ['a negative start', { start: -1 }],
      ['a non-numeric count', { count: 'ten' }],
    ] as const) {
      it(`refuses ${name}`, async () => {
        assertInvalid(await anon().api('GET', '/accounts', { query }));
      });
    }
  });

  describe('GET /accounts/:name', () => {
    it('returns the account with its avatars', async () => {
      const account = await anon().expect<Account>(200, 'GET', `/api/v1/accounts/${alice.username}`);
      assert.equal(account.id, alice.accountId);
      assert.equal(account.userId, alice.id);
      assert.equal(account.name, alice.username);
      assert.equal(account.displayName, alice.username);
      assert.equal(account.description, null);
      assert.equal(account.host, server.host);
      assert.equal(account.url, `${server.url}/accounts/${alice.username}`);
      assert.equal(account.followersCount, 0);
      assert.equal(account.followingCount, 0);
      assert.equal(typeof account.createdAt, 'string');
      assert.equal(typeof account.updatedAt, 'string');
      assert.deepEqual(
        account.avatars.map((a) => a.width),
        [48, 120, 600, 1500],
      );
    });

    it('accepts name@host for a local account, case-insensitively', async () => {
      const account = await anon().expect<Account>(200, 'GET', `/api/v1/accounts/${alice.username.toUpperCase()}@${server.host}`);
      assert.equal(account.id, alice.accountId);
    });

    it('answers 404 for unknown names, channels and foreign hosts', async () => {
      assertProblem(await anon().api('GET', '/accounts/nobody'), 404, 'not_found');
      assertProblem(await anon().api('GET', `/accounts/${alice.username}_channel`), 404, 'not_found');
      assertProblem(await anon().api('GET', `/accounts/${alice.username}@elsewhere.example`), 404, 'not_found');
    });

    it('refuses an overlong name', async () => {
      assertInvalid(await anon().api('GET', `/accounts/${longString(301)}`), 'name');
    });
  });

  describe('GET /accounts/:name/video-channels', () => {
    it("lists the account's channels with their owner", async () => {
      const list = await anon().expect<ResultList<VideoChannel>>(200, 'GET', `/api/v1/accounts/${alice.username}/video-channels`, {
        query: { sort: 'createdAt' },
      });
      assert.equal(list.total, 2);
      assert.deepEqual(
        list.data.map((c) => c.name),
        [`${alice.username}_channel`, `${alice.username}_second`],
      );
      assert.ok(list.data.every((c) => c.ownerAccount.id === alice.accountId && c.ownerAccount.avatars.length === 4));
    });

    it('paginates, validates and answers 404 for an unknown account', async () => {
      const page = await anon().expect<ResultList<VideoChannel>>(200, 'GET', `/api/v1/accounts/${alice.username}/video-channels`, {
        query: { count: 1 },
      });
      assert.equal(page.data.length, 1);
      assert.equal(page.total, 2);
      assertInvalid(await anon().api('GET', `/accounts/${alice.username}/video-channels`, { query: { sort: 'views' } }), 'sort');
      assertProblem(await anon().api('GET', '/accounts/nobody/video-channels'), 404, 'not_found');
    });
  });
});

import assert from 'node:assert/strict';
import type { AccountBlock, BlockStatus, ResultList, ServerBlock, Video } from '@shoal/models';
import { assertInvalid } from '../api/api-fixtures';
import { notifications, postThread, publishedVideo, startCommentWorld, threads, type CommentWorld } from '../comments/comment-fixtures';
import { assertProblem } from '../shared/problem';

describe('Blocklists (mutes and instance blocks)', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let ownerVideo: { id: number; uuid: string };
  let otherVideo: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    [ownerVideo, otherVideo] = await Promise.all([
      publishedVideo(w.owner.client, 'Owner clip'),
      publishedVideo(w.other.client, 'Noisy clip'),
    ]);
  });
  after(() => w?.server.destroy());

  const names = async (client = w.server.anonymous(), path = '/videos', query: Record<string, string> = {}) =>
    (await client.expect<ResultList<Video>>(200, 'GET', `/api/v1${path}`, { query })).data.map((v) => v.name);

  it('checks the bodies, the rights and the targets', async () => {
    assertProblem(await w.server.anonymous().api('GET', '/users/me/blocklist/accounts'), 401);
    assertInvalid(await w.owner.client.api('POST', '/users/me/blocklist/accounts', { json: {} }), 'accountName');
    assertInvalid(await w.owner.client.api('POST', '/users/me/blocklist/servers', { json: { host: 'not a host!' } }), 'host');
    assertProblem(await w.owner.client.api('POST', '/users/me/blocklist/accounts', { json: { accountName: 'nobody_here' } }), 404);
    assertProblem(await w.owner.client.api('POST', '/users/me/blocklist/accounts', { json: { accountName: w.owner.username } }), 409);
    assertProblem(await w.owner.client.api('POST', '/users/me/blocklist/servers', { json: { host: w.server.host } }), 409);
    assertProblem(await w.owner.client.api('DELETE', `/users/me/blocklist/accounts/${w.other.username}`), 404);
    assertProblem(await w.owner.client.api('DELETE', '/users/me/blocklist/servers/nowhere.example'), 404);
    assertProblem(await w.owner.client.api('GET', '/server/blocklist/accounts'), 403);
    assertProblem(await w.owner.client.api('POST', '/server/blocklist/servers', { json: { host: 'evil.example' } }), 403);
  });

  it('mutes an account for me only: its videos, comments and notifications', async () => {
    const before = (await postThread(w.other.client, ownerVideo.uuid, 'muted soon')).body.comment;
    await w.owner.client.expect(204, 'POST', '/api/v1/users/me/blocklist/accounts', { json: { accountName: w.other.username } });
    const mine = await w.owner.client.expect<ResultList<AccountBlock>>(200, 'GET', '/api/v1/users/me/blocklist/accounts');
    assert.deepEqual(
      mine.data.map((b) => [b.byAccount?.name, b.blockedAccount.name]),
      [[w.owner.username, w.other.username]],
    );

    assert.ok(!(await names(w.owner.client)).includes('Noisy clip'), 'muted for the owner');
    assert.ok(!(await names(w.owner.client, '/search/videos', { search: 'noisy' })).includes('Noisy clip'));
    assert.ok((await names(w.third.client)).includes('Noisy clip'), 'not for others');
    assert.ok(!(await threads(w.owner.client, ownerVideo.uuid)).body.data.some((c) => c.id === before.id));
    assert.ok((await threads(w.third.client, ownerVideo.uuid)).body.data.some((c) => c.id === before.id));

    assertProblem(await postThread(w.other.client, ownerVideo.uuid, 'let me in'), 403);
    const count = (await notifications(w.owner.client)).data.filter((n) => n.type === 2).length;
    await postThread(w.other.client, otherVideo.uuid, 'on my own video');
    assert.equal((await notifications(w.owner.client)).data.filter((n) => n.type === 2).length, count);

    const status = await w.owner.client.expect<BlockStatus>(200, 'GET', '/api/v1/blocklist/status', {
      query: { accounts: [w.other.username] },
    });
    assert.deepEqual(status.accounts[w.other.username], { blockedByServer: false, blockedByUser: true });
    const anon = await w.server
      .anonymous()
      .expect<BlockStatus>(200, 'GET', '/api/v1/blocklist/status', { query: { accounts: w.other.username } });
    assert.deepEqual(anon.accounts[w.other.username], { blockedByServer: false });

    await w.owner.client.expect(204, 'DELETE', `/api/v1/users/me/blocklist/accounts/${w.other.username}`);
    assert.ok((await names(w.owner.client)).includes('Noisy clip'));
  });

  it('blocks an account for the whole instance', async () => {
    await w.moderator.client.expect(204, 'POST', '/api/v1/server/blocklist/accounts', { json: { accountName: w.other.username } });
    for (const client of [w.server.anonymous(), w.third.client, w.owner.client]) assert.ok(!(await names(client)).includes('Noisy clip'));
    const list = await w.moderator.client.expect<ResultList<AccountBlock>>(200, 'GET', '/api/v1/server/blocklist/accounts', {
      query: { search: w.other.username },
    });
    assert.deepEqual(
      list.data.map((b) => [b.byAccount, b.blockedAccount.name]),
      [[null, w.other.username]],
    );
    const status = await w.server
      .anonymous()
      .expect<BlockStatus>(200, 'GET', '/api/v1/blocklist/status', { query: { accounts: w.other.username } });
    assert.equal(status.accounts[w.other.username].blockedByServer, true);
    await w.moderator.client.expect(204, 'DELETE', `/api/v1/server/blocklist/accounts/${w.other.username}`);
    assert.ok((await names()).includes('Noisy clip'));
  });

  it('keeps lists of muted and blocked servers', async () => {
    await w.owner.client.expect(204, 'POST', '/api/v1/users/me/blocklist/servers', { json: { host: 'Spam.Example' } });
    await w.owner.client.expect(204, 'POST', '/api/v1/users/me/blocklist/servers', { json: { host: 'spam.example' } });
    const mine = await w.owner.client.expect<ResultList<ServerBlock>>(200, 'GET', '/api/v1/users/me/blocklist/servers');
    assert.deepEqual(
      mine.data.map((b) => b.blockedServer.host),
      ['spam.example'],
    );
    await w.moderator.client.expect(204, 'POST', '/api/v1/server/blocklist/servers', { json: { host: 'evil.example:8443' } });
    const status = await w.owner.client.expect<BlockStatus>(200, 'GET', '/api/v1/blocklist/status', {
      query: { hosts: ['spam.example', 'evil.example:8443'] },
    });
    assert.deepEqual(status.hosts, {
      'spam.example': { blockedByServer: false, blockedByUser: true },
      'evil.example:8443': { blockedByServer: true, blockedByUser: false },
    });
    await w.owner.client.expect(204, 'DELETE', '/api/v1/users/me/blocklist/servers/spam.example');
    await w.moderator.client.expect(204, 'DELETE', '/api/v1/server/blocklist/servers/evil.example:8443');
    assert.equal((await w.moderator.client.expect<ResultList<ServerBlock>>(200, 'GET', '/api/v1/server/blocklist/servers')).total, 0);
  });
});

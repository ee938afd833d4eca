import assert from 'node:assert/strict';
import type { ResultList, Video, VideoBlock } from '@shoal/models';
import { assertInvalid, longString } from '../api/api-fixtures';
import { notifications, postThread, publishedVideo, startCommentWorld, threads, type CommentWorld } from '../comments/comment-fixtures';
import { assertProblem } from '../shared/problem';

describe('Video blocks', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    video = await publishedVideo(w.owner.client, 'Blockable clip');
  });
  after(() => w?.server.destroy());

  const names = async (path: string, query: Record<string, string> = {}, client = w.server.anonymous()) =>
    (await client.expect<ResultList<Video>>(200, 'GET', `/api/v1${path}`, { query })).data.map((v) => v.name);
  const blacklist = `/videos/${'${id}'}/blacklist`;
  const path = (id: string | number) => blacklist.replace('${id}', String(id));

  it('checks who may block and what a block body looks like', async () => {
    assertProblem(await w.server.anonymous().api('POST', path(video.uuid), { json: {} }), 401);
    assertProblem(await w.other.client.api('POST', path(video.uuid), { json: {} }), 403);
    assertProblem(await w.owner.client.api('POST', path(video.uuid), { json: {} }), 403);
    assertInvalid(await w.moderator.client.api('POST', path(video.uuid), { json: { reason: 'x' } }), 'reason');
    assertInvalid(await w.moderator.client.api('POST', path(video.uuid), { json: { reason: longString(301) } }), 'reason');
    assertInvalid(await w.moderator.client.api('POST', path(video.uuid), { json: { unfederate: 'yes' } }), 'unfederate');
    assertProblem(await w.moderator.client.api('POST', path(999999), { json: {} }), 404);
    assertProblem(await w.moderator.client.api('DELETE', path(video.uuid)), 404);
    assertProblem(await w.moderator.client.api('PUT', path(video.uuid), { json: { reason: 'new reason' } }), 404);
    assertProblem(await w.other.client.api('GET', '/videos/blacklist'), 403);
  });

  it('hides a blocked video from everyone but its owner and moderators, tells the owner, and unblocks', async () => {
    await postThread(w.other.client, video.uuid, 'before the block');
    await w.moderator.client.expect(204, 'POST', `/api/v1${path(video.uuid)}`, { json: { reason: 'Copyright claim' } });
    assertProblem(await w.moderator.client.api('POST', path(video.uuid), { json: {} }), 409);

    assert.ok(!(await names('/videos')).includes('Blockable clip'));
    assert.ok(!(await names('/search/videos', { search: 'Blockable' })).includes('Blockable clip'));
    assert.ok(!(await names(`/accounts/${w.owner.username}/videos`, {}, w.owner.client)).includes('Blockable clip'));
    assert.ok((await names('/users/me/videos', {}, w.owner.client)).includes('Blockable clip'), 'the owner still has it');
    assertProblem(await w.server.anonymous().api('GET', `/videos/${video.uuid}`), 403);
    assertProblem(await w.other.client.api('GET', `/videos/${video.uuid}`), 403);
    assertProblem(await threads(w.other.client, video.uuid), 403);
    assert.equal((await w.owner.client.api('GET', `/videos/${video.uuid}`)).status, 200);
    assert.equal((await w.moderator.client.api('GET', `/videos/${video.uuid}`)).status, 200);

    const blocked = (await notifications(w.owner.client)).data.find((n) => n.type === 4);
    assert.equal(blocked?.videoBlacklist?.video.uuid, video.uuid);

    await w.moderator.client.expect(204, 'PUT', `/api/v1${path(video.uuid)}`, { json: { reason: 'Copyright claim, confirmed' } });
    const list = await w.moderator.client.expect<ResultList<VideoBlock>>(200, 'GET', '/api/v1/videos/blacklist', {
      query: { search: 'blockable' },
    });
    assert.equal(list.total, 1);
    assert.equal(list.data[0].video.uuid, video.uuid);
    assert.equal(list.data[0].reason, 'Copyright claim, confirmed');
    assert.equal(list.data[0].type, 1);
    assert.equal(
      (await w.moderator.client.expect<ResultList<VideoBlock>>(200, 'GET', '/api/v1/videos/blacklist', { query: { type: 2 } })).total,
      0,
    );
    assertInvalid(await w.moderator.client.api('GET', '/videos/blacklist', { query: { sort: 'reason' } }), 'sort');

    await w.moderator.client.expect(204, 'DELETE', `/api/v1${path(video.uuid)}`);
    assert.ok((await names('/videos')).includes('Blockable clip'));
    assert.equal((await w.other.client.api('GET', `/videos/${video.uuid}`)).status, 200);
    const unblocked = (await notifications(w.owner.client)).data.find((n) => n.type === 5);
    assert.equal(unblocked?.video?.uuid, video.uuid);
  });
});

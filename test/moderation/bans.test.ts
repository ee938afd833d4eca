import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultList, Video } from '@shoal/models';
import { assertInvalid } from '../api/api-fixtures';
import { postThread, publishedVideo, startCommentWorld, threads, type CommentWorld } from '../comments/comment-fixtures';
import { assertProblem } from '../shared/problem';

describe('Bans and user deletion', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string };
  let host: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    [video, host] = await Promise.all([publishedVideo(w.other.client, 'Soon banned owner'), publishedVideo(w.owner.client, 'Host video')]);
  });
  after(() => w?.server.destroy());

  const names = async (path: string, query: Record<string, string> = {}, client = w.server.anonymous()) =>
    (await client.expect<ResultList<Video>>(200, 'GET', `/api/v1${path}`, { query })).data.map((v) => v.name);

  it('checks the ban body and who may ban', async () => {
    assertInvalid(await w.moderator.client.api('POST', `/users/${w.other.id}/block`, { json: { reason: 'x' } }), 'reason');
    assertProblem(await w.third.client.api('POST', `/users/${w.other.id}/block`, { json: {} }), 403);
    assertProblem(await w.moderator.client.api('POST', '/users/999999/block', { json: {} }), 404);
  });

  it('refuses a banned user’s existing token on the next request, and their login', async () => {
    const { comment } = (await postThread(w.other.client, host.uuid, 'I am still here')).body;
    assert.equal((await w.other.client.api('GET', '/users/me')).status, 200);
    await w.moderator.client.expect(204, 'POST', `/api/v1/users/${w.other.id}/block`, { json: { reason: 'Spamming everyone' } });

    assertProblem(await w.other.client.api('GET', '/users/me'), 401, 'invalid_token');
    assertProblem(await w.other.client.api('POST', `/videos/${host.uuid}/comment-threads`, { json: { text: 'still?' } }), 401);
    await assert.rejects(w.server.anonymous().as(w.other.username, w.other.password));

    // Their content is gone for everyone else…
    assert.ok(!(await names('/videos')).includes('Soon banned owner'));
    assert.ok(!(await names('/search/videos', { search: 'banned' })).includes('Soon banned owner'));
    assert.ok(!(await names(`/accounts/${w.other.username}/videos`)).includes('Soon banned owner'));
    assertProblem(await w.server.anonymous().api('GET', `/videos/${video.uuid}`), 403);
    assertProblem(await w.third.client.api('GET', `/videos/${video.uuid}`), 403);
    const visible = (await threads(w.server.anonymous(), host.uuid)).body;
    assert.ok(!visible.data.some((c) => c.id === comment.id));
    // …but moderators still see it, to review the case.
    assert.equal((await w.moderator.client.api('GET', `/videos/${video.uuid}`)).status, 200);

    await w.moderator.client.expect(204, 'POST', `/api/v1/users/${w.other.id}/unblock`);
    w.other.client = await w.server.anonymous().as(w.other.username, w.other.password);
    assert.ok((await names('/videos')).includes('Soon banned owner'));
    assert.ok((await threads(w.server.anonymous(), host.uuid)).body.data.some((c) => c.id === comment.id));
  });

  it('deletes a user with their videos, files and comments', async () => {
    const { comment } = (await postThread(w.third.client, host.uuid, 'gone soon')).body;
    const mine = await publishedVideo(w.third.client, 'Third deleted video');
    const [row] = await w.server.sql<{ thumbnail_filename: string }>('SELECT thumbnail_filename FROM videos WHERE uuid = $1', [mine.uuid]);
    const thumbnail = join(w.server.storageDir, 'thumbnails', row.thumbnail_filename);
    assert.ok(existsSync(thumbnail));
    await w.moderator.client.expect(204, 'DELETE', `/api/v1/users/${w.third.id}`);
    assertProblem(await w.server.anonymous().api('GET', `/videos/${mine.uuid}`), 404);
    assert.ok(!(await threads(w.server.anonymous(), host.uuid)).body.data.some((c) => c.id === comment.id));
    assert.equal((await w.server.sql('SELECT 1 FROM video_comments WHERE id = $1', [comment.id])).length, 0);
    assert.ok(!existsSync(thumbnail), 'files of deleted videos are removed');
  });
});

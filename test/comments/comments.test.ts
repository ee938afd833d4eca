import assert from 'node:assert/strict';
import type { VideoCommentThreadTree } from '@shoal/models';
import { assertInvalid, longString } from '../api/api-fixtures';
import { assertProblem } from '../shared/problem';
import { postThread, publishedVideo, reply, startCommentWorld, threads, type CommentWorld } from './comment-fixtures';

describe('Comments: threads, replies and deletion', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string; shortUUID: string };
  let other: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    // One after the other: the same clip uploaded twice at once by one user is one resumable session.
    video = await publishedVideo(w.owner.client, 'Commented clip');
    other = await publishedVideo(w.owner.client, 'Second clip');
  });
  after(() => w?.server.destroy());

  describe('params of POST /videos/:id/comment-threads', () => {
    it('needs a login', async () => assertProblem(await postThread(w.server.anonymous(), video.uuid, 'hello'), 401));
    it('refuses a missing, empty, blank or too long text', async () => {
      assertInvalid(await w.other.client.api('POST', `/videos/${video.uuid}/comment-threads`, { json: {} }), 'text');
      assertInvalid(await postThread(w.other.client, video.uuid, ''), 'text');
      assertInvalid(await postThread(w.other.client, video.uuid, '  \n '), 'text');
      assertInvalid(await postThread(w.other.client, video.uuid, longString(10_001)), 'text');
      assertInvalid(await w.other.client.api('POST', `/videos/${video.uuid}/comment-threads`, { json: { text: 1 } }), 'text');
    });
    it('refuses unknown fields, a malformed video id and an unknown video', async () => {
      assertInvalid(await w.other.client.api('POST', `/videos/${video.uuid}/comment-threads`, { json: { text: 'a', extra: 1 } }), 'extra');
      assertProblem(await postThread(w.other.client, 'not-an-id!', 'hello'), 400);
      assertProblem(await postThread(w.other.client, '99999999', 'hello'), 404);
    });
    it('accepts exactly 10000 characters', async () => {
      const res = await postThread(w.other.client, other.uuid, longString(10_000));
      assert.equal(res.status, 200, res.text);
    });
  });

  it('creates threads and replies and lists them with their counters', async () => {
    const root = await postThread(w.other.client, video.uuid, 'First!');
    assert.equal(root.status, 200, root.text);
    const { comment } = root.body;
    assert.equal(comment.threadId, comment.id);
    assert.equal(comment.inReplyToCommentId, null);
    assert.equal(comment.videoId, video.id);
    assert.equal(comment.text, '<p>First!</p>');
    assert.equal(comment.account?.name, w.other.username);
    assert.equal(comment.heldForReview, false);
    assert.match(comment.url, new RegExp(`/videos/watch/${video.uuid}/comments/${comment.id}$`));
    const r1 = (await reply(w.owner.client, video.uuid, comment.id, 'Thanks')).body.comment;
    const r2 = (await reply(w.third.client, video.shortUUID, r1.id, 'Nested')).body.comment;
    assert.equal(r2.threadId, comment.id);
    assert.equal(r2.inReplyToCommentId, r1.id);
    await postThread(w.third.client, video.uuid, 'Second thread');

    const list = await threads(w.server.anonymous(), video.uuid);
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    assert.equal(list.body.totalNotDeletedComments, 4);
    const first = list.body.data.find((c) => c.id === comment.id)!;
    assert.equal(first.totalReplies, 2);
    assert.equal(first.totalRepliesFromVideoAuthor, 1);
    assert.deepEqual(
      (await threads(w.server.anonymous(), video.uuid, { sort: '-totalReplies' })).body.data.map((c) => c.id)[0],
      comment.id,
    );
    assertInvalid(await threads(w.server.anonymous(), video.uuid, { sort: 'text' }), 'sort');

    const tree = await w.server
      .anonymous()
      .expect<VideoCommentThreadTree>(200, 'GET', `/api/v1/videos/${video.uuid}/comment-threads/${comment.id}`);
    assert.equal(tree.comment.id, comment.id);
    assert.equal(tree.children[0].comment.id, r1.id);
    assert.equal(tree.children[0].children[0].comment.id, r2.id);
    assertProblem(await w.server.anonymous().api('GET', `/videos/${other.uuid}/comment-threads/${comment.id}`), 404);
    assertProblem(await w.server.anonymous().api('GET', `/videos/${video.uuid}/comment-threads/${r1.id}`), 404);
  });

  it('refuses replies to unknown comments and to comments of another video', async () => {
    const { comment } = (await postThread(w.other.client, video.uuid, 'Reply target')).body;
    assertProblem(await reply(w.third.client, video.uuid, 99999999, 'x'), 404);
    assertProblem(await reply(w.third.client, other.uuid, comment.id, 'x'), 400, 'comment_not_associated_to_video');
    assertInvalid(await reply(w.third.client, video.uuid, 0, 'x'), 'commentId');
  });

  describe('deletion', () => {
    it('lets the author, the video owner and moderators delete, nobody else', async () => {
      const a = (await postThread(w.other.client, video.uuid, 'by other')).body.comment;
      const b = (await postThread(w.other.client, video.uuid, 'by other again')).body.comment;
      const c = (await postThread(w.other.client, video.uuid, 'and again')).body.comment;
      assertProblem(await w.server.anonymous().api('DELETE', `/videos/${video.uuid}/comments/${a.id}`), 401);
      assertProblem(await w.third.client.api('DELETE', `/videos/${video.uuid}/comments/${a.id}`), 403);
      assertProblem(await w.other.client.api('DELETE', `/videos/${other.uuid}/comments/${a.id}`), 400, 'comment_not_associated_to_video');
      assertProblem(await w.other.client.api('DELETE', `/videos/${video.uuid}/comments/99999999`), 404);
      assert.equal((await w.other.client.api('DELETE', `/videos/${video.uuid}/comments/${a.id}`)).status, 204);
      assert.equal((await w.owner.client.api('DELETE', `/videos/${video.uuid}/comments/${b.id}`)).status, 204);
      assert.equal((await w.moderator.client.api('DELETE', `/videos/${video.uuid}/comments/${c.id}`)).status, 204);
      const ids = (await threads(w.server.anonymous(), video.uuid, { count: 100 })).body.data.map((x) => x.id);
      for (const gone of [a.id, b.id, c.id]) assert.ok(!ids.includes(gone), 'a comment without replies disappears');
    });

    it('keeps a deleted comment with replies as a tombstone, and drops it with its last reply', async () => {
      const root = (await postThread(w.other.client, video.uuid, 'will be deleted')).body.comment;
      const child = (await reply(w.third.client, video.uuid, root.id, 'still here')).body.comment;
      assert.equal((await w.other.client.api('DELETE', `/videos/${video.uuid}/comments/${root.id}`)).status, 204);
      assertProblem(await w.other.client.api('DELETE', `/videos/${video.uuid}/comments/${root.id}`), 409);
      assertProblem(await reply(w.third.client, video.uuid, root.id, 'to a tombstone'), 400);
      const tomb = (await threads(w.server.anonymous(), video.uuid, { count: 100 })).body.data.find((x) => x.id === root.id)!;
      assert.equal(tomb.isDeleted, true);
      assert.ok(tomb.deletedAt);
      assert.equal(tomb.text, '');
      assert.equal(tomb.account, null);
      assert.equal(tomb.totalReplies, 1);
      const tree = await w.server
        .anonymous()
        .expect<VideoCommentThreadTree>(200, 'GET', `/api/v1/videos/${video.uuid}/comment-threads/${root.id}`);
      assert.equal(tree.children[0].comment.text, '<p>still here</p>');
      assert.equal((await w.third.client.api('DELETE', `/videos/${video.uuid}/comments/${child.id}`)).status, 204);
      const after = (await threads(w.server.anonymous(), video.uuid, { count: 100 })).body.data.map((x) => x.id);
      assert.ok(!after.includes(root.id), 'the tombstone left without replies is gone');
    });
  });

  it('hides comments and refuses new ones when the owner disables them, with 409', async () => {
    await postThread(w.third.client, other.uuid, 'before closing');
    const before = (await threads(w.server.anonymous(), other.uuid)).body.total;
    await w.owner.client.expect(204, 'PUT', `/api/v1/videos/${other.uuid}`, { json: { commentsPolicy: 2 } });
    const list = await threads(w.server.anonymous(), other.uuid);
    assert.deepEqual(list.body, { total: 0, totalNotDeletedComments: 0, data: [] });
    assertProblem(await postThread(w.other.client, other.uuid, 'hello?'), 409);
    await w.owner.client.expect(204, 'PUT', `/api/v1/videos/${other.uuid}`, { json: { commentsPolicy: 1 } });
    assert.equal((await threads(w.server.anonymous(), other.uuid)).body.total, before);
  });

  it('follows the privacy of the video, password header included', async () => {
    await w.owner.client.expect(204, 'PUT', `/api/v1/videos/${other.uuid}`, { json: { privacy: 3 } });
    assertProblem(await threads(w.server.anonymous(), other.uuid), 401);
    assertProblem(await threads(w.other.client, other.uuid), 403);
    assertProblem(await postThread(w.other.client, other.uuid, 'peek'), 403);
    assert.equal((await threads(w.owner.client, other.uuid)).status, 200);
    assert.equal((await threads(w.moderator.client, other.uuid)).status, 200);

    await w.owner.client.expect(204, 'PUT', `/api/v1/videos/${other.uuid}`, { json: { privacy: 5, videoPasswords: ['letmein'] } });
    assertProblem(await threads(w.server.anonymous(), other.uuid), 401, 'video_requires_password');
    assertProblem(
      await threads(w.server.anonymous(), other.uuid, {}, { 'x-peertube-video-password': 'nope' }),
      403,
      'incorrect_video_password',
    );
    const ok = await threads(w.server.anonymous(), other.uuid, {}, { 'x-peertube-video-password': 'letmein' });
    assert.equal(ok.status, 200);
    assertProblem(await postThread(w.other.client, other.uuid, 'pw'), 403, 'video_requires_password');
    assert.equal((await postThread(w.other.client, other.uuid, 'pw', { 'x-peertube-video-password': 'letmein' })).status, 200);
    await w.owner.client.expect(204, 'PUT', `/api/v1/videos/${other.uuid}`, { json: { privacy: 1 } });
  });
});

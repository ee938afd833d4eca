import assert from 'node:assert/strict';
import type { AutomaticTagAvailable, ResultList, VideoCommentForAdminOrUser, WatchedWordsList } from '@shoal/models';
import { assertInvalid } from '../api/api-fixtures';
import { assertProblem } from '../shared/problem';
import { notifications, postThread, publishedVideo, reply, startCommentWorld, threads, type CommentWorld } from './comment-fixtures';

type AdminList = ResultList<VideoCommentForAdminOrUser>;

describe('Comments: review, watched words, automatic tags, moderation lists', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string };
  let gated: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    // One after the other: the same clip uploaded twice at once by one user is one resumable session.
    video = await publishedVideo(w.owner.client, 'Open comments');
    gated = await publishedVideo(w.owner.client, 'Reviewed comments', { commentsPolicy: 3 });
  });
  after(() => w?.server.destroy());

  const ownerList = (query: Record<string, string | number | boolean | string[]> = {}) =>
    w.owner.client.expect<AdminList>(200, 'GET', '/api/v1/users/me/videos/comments', { query });

  it('holds comments of a video requiring approval until its owner approves one', async () => {
    const held = (await postThread(w.other.client, gated.uuid, 'please approve')).body.comment;
    assert.equal(held.heldForReview, true);
    const own = (await postThread(w.owner.client, gated.uuid, 'mine is not held')).body.comment;
    assert.equal(own.heldForReview, false);

    const ids = async (client = w.server.anonymous()) => (await threads(client, gated.uuid)).body.data.map((c) => c.id);
    assert.deepEqual(await ids(), [own.id], 'anonymous users do not see held comments');
    assert.deepEqual(await ids(w.third.client), [own.id], 'nor do other users');
    assert.ok((await ids(w.other.client)).includes(held.id), 'the author sees it');
    assert.ok((await ids(w.owner.client)).includes(held.id), 'the owner sees it');
    assert.ok((await ids(w.moderator.client)).includes(held.id), 'moderators see it');
    assertProblem(await reply(w.third.client, gated.uuid, held.id, 'sneaky'), 404);

    const pending = await ownerList({ isHeldForReview: true });
    assert.deepEqual(
      pending.data.map((c) => c.id),
      [held.id],
    );
    assert.deepEqual(pending.data[0].video, { id: gated.id, uuid: gated.uuid, name: 'Reviewed comments' });
    const notified = (await notifications(w.owner.client)).data.find((n) => n.comment?.id === held.id);
    assert.equal(notified?.type, 2);
    assert.equal(notified?.comment?.heldForReview, true);

    assertProblem(await w.server.anonymous().api('POST', `/videos/${gated.uuid}/comments/${held.id}/approve`), 401);
    assertProblem(await w.third.client.api('POST', `/videos/${gated.uuid}/comments/${held.id}/approve`), 403);
    assertProblem(await w.owner.client.api('POST', `/videos/${gated.uuid}/comments/99999999/approve`), 404);
    assert.equal((await w.owner.client.api('POST', `/videos/${gated.uuid}/comments/${held.id}/approve`)).status, 204);
    assertProblem(await w.owner.client.api('POST', `/videos/${gated.uuid}/comments/${held.id}/approve`), 400);
    assert.ok((await ids()).includes(held.id), 'approved: everyone sees it');
    assert.equal((await ownerList({ isHeldForReview: true })).total, 0);
  });

  describe('watched words', () => {
    const lists = (name: string) => `/api/v1/watched-words/accounts/${name}/lists`;

    it('checks who manages which lists and what a list looks like', async () => {
      assertProblem(await w.server.anonymous().request('GET', lists(w.owner.username)), 401);
      assertProblem(await w.other.client.request('GET', lists(w.owner.username)), 403);
      assertProblem(await w.owner.client.request('GET', lists('nobody_here')), 404);
      assertInvalid(await w.owner.client.request('POST', lists(w.owner.username), { json: { listName: 'x', words: [] } }), 'words');
      assertInvalid(await w.owner.client.request('POST', lists(w.owner.username), { json: { listName: '', words: ['a'] } }), 'listName');
      assertInvalid(
        await w.owner.client.request('POST', lists(w.owner.username), { json: { listName: 'x', words: ['a'.repeat(101)] } }),
        'words.0',
      );
      assertProblem(await w.other.client.api('GET', '/watched-words/server/lists'), 403);
      assertProblem(
        await w.owner.client.request('PUT', `${lists(w.owner.username)}/99999`, { json: { listName: 'x', words: ['a'] } }),
        404,
      );
    });

    it('tags comments with the names of matching lists and holds what the owner asked to review', async () => {
      const created = await w.owner.client.expect<{ watchedWordsList: { id: number } }>(200, 'POST', lists(w.owner.username), {
        json: { listName: 'rude', words: ['idiot', 'moron'] },
      });
      assertProblem(await w.owner.client.request('POST', lists(w.owner.username), { json: { listName: 'RUDE', words: ['x'] } }), 409);
      const all = await w.owner.client.expect<ResultList<WatchedWordsList>>(200, 'GET', lists(w.owner.username));
      assert.deepEqual(
        all.data.map((l) => [l.id, l.listName, l.words]),
        [[created.watchedWordsList.id, 'rude', ['idiot', 'moron']]],
      );
      const available = await w.owner.client.expect<AutomaticTagAvailable>(
        200,
        'GET',
        `/api/v1/automatic-tags/accounts/${w.owner.username}/available`,
      );
      assert.deepEqual(available.available, [
        { name: 'external-link', type: 'core' },
        { name: 'rude', type: 'watched-words-list' },
      ]);
      const policy = `/api/v1/automatic-tags/policies/accounts/${w.owner.username}/comments`;
      assertProblem(await w.owner.client.request('PUT', policy, { json: { review: ['no-such-tag'] } }), 400);
      assertProblem(await w.other.client.request('PUT', policy, { json: { review: ['rude'] } }), 403);
      await w.owner.client.expect(204, 'PUT', policy, { json: { review: ['rude'] } });
      assert.deepEqual(await w.owner.client.expect(200, 'GET', policy), { review: ['rude'] });

      const rude = (await postThread(w.other.client, video.uuid, 'You IDIOT')).body.comment;
      const link = (await postThread(w.other.client, video.uuid, 'visit https://spam.example/buy')).body.comment;
      const fine = (await postThread(w.other.client, video.uuid, 'idiotic but polite')).body.comment;
      assert.equal(rude.heldForReview, true);
      assert.equal(link.heldForReview, false);
      assert.equal(fine.heldForReview, false);
      const tagged = await ownerList({ autoTagOneOf: 'rude' });
      assert.deepEqual(
        tagged.data.map((c) => [c.id, c.automaticTags]),
        [[rude.id, ['rude']]],
      );
      const linked = await ownerList({ autoTagOneOf: ['external-link'] });
      assert.deepEqual(
        linked.data.map((c) => c.id),
        [link.id],
      );
      await w.owner.client.expect(204, 'DELETE', `${lists(w.owner.username)}/${created.watchedWordsList.id}`);
    });

    it('keeps instance lists for moderators, tagging comments in the instance scope', async () => {
      assertProblem(await w.other.client.api('GET', '/automatic-tags/server/available'), 403);
      await w.moderator.client.expect(200, 'POST', '/api/v1/watched-words/server/lists', {
        json: { listName: 'scam', words: ['free money'] },
      });
      const scam = (await postThread(w.third.client, video.uuid, 'Get FREE MONEY now')).body.comment;
      assert.equal(scam.heldForReview, false, 'instance lists tag, they do not hold');
      const res = await w.moderator.client.expect<AdminList>(200, 'GET', '/api/v1/videos/comments', { query: { autoTagOneOf: 'scam' } });
      assert.deepEqual(
        res.data.map((c) => [c.id, c.automaticTags]),
        [[scam.id, ['scam']]],
      );
      const ownerView = await ownerList({ autoTagOneOf: 'scam' });
      assert.equal(ownerView.total, 0, 'owners filter on their own tags only');
    });
  });

  it('lists every comment for moderators, with filters, and refuses others', async () => {
    assertProblem(await w.server.anonymous().api('GET', '/videos/comments'), 401);
    assertProblem(await w.other.client.api('GET', '/videos/comments'), 403);
    assertProblem(await w.server.anonymous().api('GET', '/users/me/videos/comments'), 401);
    assertInvalid(await w.moderator.client.api('GET', '/videos/comments', { query: { count: 101 } }), 'count');
    await postThread(w.third.client, video.uuid, 'one');
    await postThread(w.third.client, video.uuid, 'two');
    const byAccount = await w.moderator.client.expect<AdminList>(200, 'GET', '/api/v1/videos/comments', {
      query: { searchAccount: w.third.username },
    });
    assert.ok(byAccount.total > 0 && byAccount.data.every((c) => c.account?.name === w.third.username));
    const byVideo = await w.moderator.client.expect<AdminList>(200, 'GET', '/api/v1/videos/comments', {
      query: { searchVideo: 'Reviewed' },
    });
    assert.ok(byVideo.total > 0 && byVideo.data.every((c) => c.video.id === gated.id));
    const onVideo = await w.moderator.client.expect<AdminList>(200, 'GET', '/api/v1/videos/comments', {
      query: { videoId: video.id, count: 1 },
    });
    assert.equal(onVideo.data.length, 1);
    assert.ok(onVideo.total > 1);
    assert.equal((await w.other.client.expect<AdminList>(200, 'GET', '/api/v1/users/me/videos/comments')).total, 0, 'nothing on my videos');
  });

  it('removes every comment of an account on my videos, or instance-wide for moderators', async () => {
    const bulk = (client = w.owner.client, json: unknown) => client.api('POST', '/bulk/remove-comments-of', { json });
    assertInvalid(await bulk(w.owner.client, { accountName: w.other.username, scope: 'everything' }), 'scope');
    assertProblem(await bulk(w.owner.client, { accountName: w.other.username, scope: 'instance' }), 403);
    assertProblem(await bulk(w.owner.client, { accountName: 'nobody_here', scope: 'my-videos' }), 404);
    const theirVideo = await publishedVideo(w.third.client, 'Third video');
    const elsewhere = (await postThread(w.other.client, theirVideo.uuid, 'on a video that is not the owner’s')).body.comment;
    assert.equal((await bulk(w.owner.client, { accountName: w.other.username, scope: 'my-videos' })).status, 204);
    const left = await w.moderator.client.expect<AdminList>(200, 'GET', '/api/v1/videos/comments', {
      query: { searchAccount: w.other.username },
    });
    assert.deepEqual(
      left.data.map((c) => c.id),
      [elsewhere.id],
    );
    assert.equal((await bulk(w.moderator.client, { accountName: w.other.username, scope: 'instance' })).status, 204);
    assert.equal(
      (await w.moderator.client.expect<AdminList>(200, 'GET', '/api/v1/videos/comments', { query: { searchAccount: w.other.username } }))
        .total,
      0,
    );
  });
});

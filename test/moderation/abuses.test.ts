import assert from 'node:assert/strict';
import type { AbuseMessage, AdminAbuse, ResultList, UserAbuse } from '@shoal/models';
import { assertInvalid, longString } from '../api/api-fixtures';
import { notifications, postThread, publishedVideo, startCommentWorld, type CommentWorld } from '../comments/comment-fixtures';
import { assertProblem } from '../shared/problem';
import { assertHarmlessHtml } from '../shared/xss';

describe('Abuse reports', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string };
  let commentId: number;

  before(async () => {
    w = await startCommentWorld();
    video = await publishedVideo(w.owner.client, 'Reported clip');
    commentId = (await postThread(w.owner.client, video.uuid, '<script>alert(1)</script> rude words')).body.comment.id;
  });
  after(() => w?.server.destroy());

  const report = (json: unknown, client = w.other.client) => client.api<{ abuse: { id: number } }>('POST', '/abuses', { json });
  const adminList = (query: Record<string, string | number> = {}) =>
    w.moderator.client.expect<ResultList<AdminAbuse>>(200, 'GET', '/api/v1/abuses', { query });

  describe('params of POST /abuses', () => {
    it('needs a login', async () => assertProblem(await report({ reason: 'bad', video: { id: video.id } }, w.server.anonymous()), 401));
    it('needs a reason of 2 to 3000 characters and known predefined reasons', async () => {
      assertInvalid(await report({ video: { id: video.id } }), 'reason');
      assertInvalid(await report({ reason: 'x', video: { id: video.id } }), 'reason');
      assertInvalid(await report({ reason: longString(3001), video: { id: video.id } }), 'reason');
      assertInvalid(await report({ reason: 'bad', predefinedReasons: ['boring'], video: { id: video.id } }), 'predefinedReasons.0');
    });
    it('needs exactly one target and a sane time range', async () => {
      assertInvalid(await report({ reason: 'bad' }));
      assertInvalid(await report({ reason: 'bad', video: { id: video.id }, account: { id: w.owner.accountId } }));
      assertInvalid(await report({ reason: 'bad', video: { id: video.id, startAt: 10, endAt: 5 } }));
      assertInvalid(await report({ reason: 'bad', video: { id: video.id, startAt: -1 } }), 'video.startAt');
    });
    it('answers 404 for unknown targets and 400 for reporting oneself', async () => {
      assertProblem(await report({ reason: 'bad', video: { id: 999999 } }), 404);
      assertProblem(await report({ reason: 'bad', comment: { id: 999999 } }), 404);
      assertProblem(await report({ reason: 'bad', account: { id: 999999 } }), 404);
      assertProblem(await report({ reason: 'bad', account: { id: w.other.accountId } }), 400);
    });
  });

  it('lives through report, review, conversation and state changes', async () => {
    const created = await report({
      reason: 'Violent scene at 0:01',
      predefinedReasons: ['violentOrAbusive'],
      video: { id: video.uuid, startAt: 1, endAt: 2 },
    });
    assert.equal(created.status, 200, created.text);
    const id = created.body.abuse.id;
    const modNote = (await notifications(w.moderator.client)).data.find((n) => n.type === 3 && n.abuse?.id === id);
    assert.equal(modNote?.abuse?.video?.uuid, video.uuid);

    const [listed] = (await adminList({ id })).data;
    assert.equal(listed.reason, 'Violent scene at 0:01');
    assert.deepEqual(listed.predefinedReasons, ['violentOrAbusive']);
    assert.equal(listed.reporterAccount?.name, w.other.username);
    assert.equal(listed.flaggedAccount?.name, w.owner.username);
    assert.deepEqual(listed.state, { id: 1, label: 'Pending' });
    assert.equal(listed.video?.startAt, 1);
    assert.equal(listed.video?.endAt, 2);
    assert.equal(listed.video?.countReports, 1);
    assert.equal(listed.video?.nthReport, 1);
    assert.equal(listed.comment, null);

    const messages = `/api/v1/abuses/${id}/messages`;
    assertProblem(await w.third.client.request('GET', messages), 404);
    assertInvalid(await w.other.client.request('POST', messages, { json: { message: 'x' } }), 'message');
    const first = await w.other.client.expect<{ abuseMessage: { id: number } }>(200, 'POST', messages, {
      json: { message: 'It is at the start' },
    });
    await w.moderator.client.expect(200, 'POST', messages, { json: { message: 'Looking into it' } });
    const conversation = await w.other.client.expect<ResultList<AbuseMessage>>(200, 'GET', messages);
    assert.deepEqual(
      conversation.data.map((m) => [m.message, m.byModerator, m.account?.name]),
      [
        ['It is at the start', false, w.other.username],
        ['Looking into it', true, w.moderator.username],
      ],
    );
    assert.ok((await notifications(w.other.client)).data.some((n) => n.type === 16 && n.abuse?.id === id));
    assert.ok((await notifications(w.moderator.client)).data.some((n) => n.type === 16 && n.abuse?.id === id));
    assertProblem(await w.third.client.request('DELETE', `${messages}/${first.abuseMessage.id}`), 404);
    await w.other.client.expect(204, 'DELETE', `${messages}/${first.abuseMessage.id}`);
    assertProblem(await w.other.client.request('DELETE', `${messages}/${first.abuseMessage.id}`), 404);

    assertProblem(await w.other.client.api('PUT', `/abuses/${id}`, { json: { state: 3 } }), 403);
    assertInvalid(await w.moderator.client.api('PUT', `/abuses/${id}`, { json: { state: 4 } }), 'state');
    assertInvalid(await w.moderator.client.api('PUT', `/abuses/${id}`, { json: {} }));
    assertProblem(await w.moderator.client.api('PUT', '/abuses/999999', { json: { state: 3 } }), 404);
    await w.moderator.client.expect(204, 'PUT', `/api/v1/abuses/${id}`, { json: { state: 3, moderationComment: 'Removed the scene' } });
    const changed = (await notifications(w.other.client)).data.find((n) => n.type === 15);
    assert.deepEqual([changed?.abuse?.id, changed?.abuse?.state], [id, 3]);

    const mine = await w.other.client.expect<ResultList<UserAbuse>>(200, 'GET', '/api/v1/users/me/abuses');
    assert.equal(mine.total, 1);
    assert.deepEqual(mine.data[0].state, { id: 3, label: 'Accepted' });
    assert.equal('moderationComment' in mine.data[0], false, 'the reporter does not read moderation notes');
    assert.equal('reporterAccount' in mine.data[0], false);
    assert.equal((await w.third.client.expect<ResultList<UserAbuse>>(200, 'GET', '/api/v1/users/me/abuses')).total, 0);
  });

  it('reports comments and accounts, and filters the moderators’ list', async () => {
    const onComment = (
      await report({ reason: 'Hateful comment', predefinedReasons: ['hatefulOrAbusive'], comment: { id: commentId } }, w.third.client)
    ).body.abuse.id;
    const onAccount = (
      await report({ reason: 'Spam account', predefinedReasons: ['spamOrMisleading'], account: { id: w.owner.accountId } }, w.third.client)
    ).body.abuse.id;
    const [comment] = (await adminList({ filter: 'comment' })).data;
    assert.equal(comment.id, onComment);
    assert.equal(comment.comment?.video.uuid, video.uuid);
    assert.equal(comment.comment?.deleted, false);
    assertHarmlessHtml(comment.comment!.text);
    assert.deepEqual(
      (await adminList({ filter: 'account' })).data.map((a) => a.id),
      [onAccount],
    );
    assert.deepEqual(
      (await adminList({ predefinedReason: 'spamOrMisleading' })).data.map((a) => a.id),
      [onAccount],
    );
    assert.equal((await adminList({ searchReporter: w.third.username })).total, 2);
    assert.equal((await adminList({ searchReportee: w.owner.username })).total, 3);
    assert.equal((await adminList({ searchVideo: 'Reported' })).total, 1);
    assert.equal((await adminList({ state: 3 })).total, 1);
    assert.deepEqual(
      (await adminList({ sort: 'id' })).data.map((a) => a.id),
      [...(await adminList({ sort: '-id' })).data.map((a) => a.id)].reverse(),
    );
    assertInvalid(await w.moderator.client.api('GET', '/abuses', { query: { filter: 'channel' } }), 'filter');
    assertProblem(await w.other.client.api('GET', '/abuses'), 403);
    assertProblem(await w.server.anonymous().api('GET', '/abuses'), 401);

    // The reported comment is deleted: its report still shows what was said.
    await w.owner.client.expect(204, 'DELETE', `/api/v1/videos/${video.uuid}/comments/${commentId}`);
    const [kept] = (await adminList({ id: onComment })).data;
    assert.equal(kept.comment?.deleted, true);
    assert.match(kept.comment!.text, /rude words/);

    await w.moderator.client.expect(204, 'DELETE', `/api/v1/abuses/${onAccount}`);
    assertProblem(await w.moderator.client.api('DELETE', `/abuses/${onAccount}`), 404);
  });
});

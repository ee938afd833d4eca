import assert from 'node:assert/strict';
import type { MyUser, ResultList, UserNotification } from '@shoal/models';
import { assertInvalid } from '../api/api-fixtures';
import { notifications, postThread, publishedVideo, startCommentWorld, type CommentWorld } from '../comments/comment-fixtures';
import { assertProblem } from '../shared/problem';

describe('Notifications', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    video = await publishedVideo(w.owner.client, 'Notified clip');
  });
  after(() => w?.server.destroy());

  const list = (query: Record<string, string | number | boolean> = {}) =>
    w.owner.client.expect<ResultList<UserNotification>>(200, 'GET', '/api/v1/users/me/notifications', { query });

  it('checks the params of every notification route', async () => {
    assertProblem(await w.server.anonymous().api('GET', '/users/me/notifications'), 401);
    assertProblem(await w.server.anonymous().api('POST', '/users/me/notifications/read-all'), 401);
    assertInvalid(await w.owner.client.api('GET', '/users/me/notifications', { query: { sort: 'type' } }), 'sort');
    assertInvalid(await w.owner.client.api('POST', '/users/me/notifications/read', { json: { ids: [] } }), 'ids');
    assertInvalid(await w.owner.client.api('POST', '/users/me/notifications/read', { json: { ids: ['a'] } }), 'ids.0');
    assertInvalid(
      await w.owner.client.api('PUT', '/users/me/notification-settings', { json: { newCommentOnMyVideo: 4 } }),
      'newCommentOnMyVideo',
    );
    assertInvalid(await w.owner.client.api('PUT', '/users/me/notification-settings', { json: { noSuchSetting: 1 } }), 'noSuchSetting');
  });

  it('tells the owner their video is published, then about comments on it', async () => {
    const published = (await list()).data.find((n) => n.type === 6);
    assert.equal(published?.video?.uuid, video.uuid);
    assert.equal(published?.video?.name, 'Notified clip');
    assert.equal(published?.video?.channel.name, (await w.owner.client.me()).videoChannels[0].name);
    assert.equal(published?.read, false);

    const { comment } = (await postThread(w.other.client, video.uuid, 'Nice one')).body;
    const note = (await list()).data.find((n) => n.type === 2);
    assert.equal(note?.comment?.id, comment.id);
    assert.equal(note?.comment?.threadId, comment.id);
    assert.equal(note?.comment?.account.name, w.other.username);
    assert.equal(note?.comment?.video.uuid, video.uuid);
    await postThread(w.owner.client, video.uuid, 'my own comment');
    assert.equal((await list()).data.filter((n) => n.type === 2).length, 1, 'no notification for my own comment');
  });

  it('marks notifications read one by one or all at once', async () => {
    const unread = await list({ unread: true });
    assert.ok(unread.total >= 2);
    await w.owner.client.expect(204, 'POST', '/api/v1/users/me/notifications/read', { json: { ids: [unread.data[0].id] } });
    assert.equal((await list({ unread: true })).total, unread.total - 1);
    // Someone else's ids are silently ignored.
    await w.other.client.expect(204, 'POST', '/api/v1/users/me/notifications/read', { json: { ids: unread.data.map((n) => n.id) } });
    assert.equal((await list({ unread: true })).total, unread.total - 1);
    await w.owner.client.expect(204, 'POST', '/api/v1/users/me/notifications/read-all');
    assert.equal((await list({ unread: true })).total, 0);
    assert.equal((await list({ sort: 'read' })).total, unread.total);
  });

  it('follows the user’s settings', async () => {
    const me = await w.owner.client.expect<MyUser & { notificationSettings: Record<string, number> }>(200, 'GET', '/api/v1/users/me');
    assert.equal(me.notificationSettings.newCommentOnMyVideo, 1);
    assert.equal(me.notificationSettings.abuseAsModerator, 3);
    await w.owner.client.expect(204, 'PUT', '/api/v1/users/me/notification-settings', { json: { newCommentOnMyVideo: 0 } });
    const after = await w.owner.client.expect<{ notificationSettings: Record<string, number> }>(200, 'GET', '/api/v1/users/me');
    assert.equal(after.notificationSettings.newCommentOnMyVideo, 0);
    assert.equal(after.notificationSettings.myVideoPublished, 1, 'other settings keep their value');
    const before = (await list()).data.filter((n) => n.type === 2).length;
    await postThread(w.third.client, video.uuid, 'silent');
    assert.equal((await list()).data.filter((n) => n.type === 2).length, before);
  });

  it('tells moderators about new users', async () => {
    await w.server.anonymous().expect(204, 'POST', '/api/v1/users/register', {
      json: { username: 'newcomer', password: 'newcomer-password', email: 'newcomer@example.com' },
    });
    const note = (await notifications(w.moderator.client)).data.find((n) => n.type === 9);
    assert.equal(note?.account?.name, 'newcomer');
    assert.equal((await notifications(w.other.client)).data.filter((n) => n.type === 9).length, 0);
  });
});

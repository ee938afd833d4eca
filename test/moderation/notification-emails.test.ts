import assert from 'node:assert/strict';
import { notifications, postThread, publishedVideo, startCommentWorld, type CommentWorld } from '../comments/comment-fixtures';
import { SmtpCatcher } from '../shared/smtp-catcher';
import { waitFor } from '../shared/wait-for';

const MENTION = 11;

describe('Notification e-mails and mentions', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let smtp: SmtpCatcher;
  let video: { id: number; uuid: string };
  const mentionsOf = async (user: CommentWorld['third']) => (await notifications(user.client)).data.filter((n) => n.type === MENTION);

  before(async () => {
    smtp = await new SmtpCatcher().start();
    w = await startCommentWorld(smtp.configYaml());
    video = await publishedVideo(w.owner.client, 'Mailed clip');
  });
  after(async () => {
    await w?.server.destroy();
    await smtp?.stop();
  });

  it('e-mails a comment to the video owner who asked for e-mail, with the text and a link', async () => {
    await w.owner.client.expect(204, 'PUT', '/api/v1/users/me/notification-settings', { json: { newCommentOnMyVideo: 3 } });
    await postThread(w.other.client, video.uuid, 'Lovely <b>work</b>, see 0:01');
    const mail = await smtp.waitForMail(`${w.owner.username}@example.com`, /commented on "Mailed clip"/);
    assert.match(mail.text, /> Lovely <b>work<\/b>, see 0:01/);
    assert.match(mail.text, new RegExp(`${w.server.url.replace(/[.]/g, '\\.')}/w/\\w+;threadId=\\d+`));
    // Web notification too (bit 1), and nobody else got a copy.
    assert.ok((await notifications(w.owner.client)).data.some((n) => n.type === 2));
    assert.deepEqual(
      smtp.mails.filter((m) => /Mailed clip/.test(m.subject)).map((m) => m.to),
      [[`${w.owner.username}@example.com`]],
    );
  });

  it('sends no e-mail to a user who only wants web notifications', async () => {
    const before = smtp.mails.length;
    await w.other.client.expect(204, 'PUT', '/api/v1/users/me/notification-settings', { json: { myVideoPublished: 1 } });
    await publishedVideo(w.other.client, 'Quiet clip');
    await waitFor(async () => (await notifications(w.other.client)).data.some((n) => n.type === 6 && n.video?.name === 'Quiet clip'), {
      what: 'the published notification',
    });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(smtp.mails.slice(before).filter((m) => /Quiet clip/.test(m.subject)).length, 0);
  });

  it('notifies a mentioned local user (web and e-mail), once, and never the author', async () => {
    await w.third.client.expect(204, 'PUT', '/api/v1/users/me/notification-settings', { json: { commentMention: 3 } });
    const host = new URL(w.server.url).host;
    const text = `@${w.third.username} and @${w.third.username}@${host} look, cc @${w.other.username} @nobody_here @${w.third.username}@elsewhere.example`;
    const { comment } = (await postThread(w.other.client, video.uuid, text)).body;
    const notes = await mentionsOf(w.third);
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.comment?.id, comment.id);
    assert.equal((await mentionsOf(w.other)).length, 0, 'the author mentioning themself');
    const mail = await smtp.waitForMail(`${w.third.username}@example.com`, /mentioned you/);
    assert.match(mail.text, /look, cc/);
  });

  it('holds mentions in a held comment until it is approved, and skips users who muted the author', async () => {
    const gated = await publishedVideo(w.owner.client, 'Gated clip', { commentsPolicy: 3 });
    const before = (await mentionsOf(w.third)).length;
    const { comment } = (await postThread(w.other.client, gated.uuid, `hello @${w.third.username}`)).body;
    assert.equal((await mentionsOf(w.third)).length, before, 'held: nobody told yet');
    await w.owner.client.expect(204, 'POST', `/api/v1/videos/${gated.uuid}/comments/${comment.id}/approve`);
    assert.equal((await mentionsOf(w.third)).length, before + 1);

    await w.third.client.expect(204, 'POST', '/api/v1/users/me/blocklist/accounts', { json: { accountName: w.other.username } });
    await postThread(w.other.client, video.uuid, `again @${w.third.username}`);
    assert.equal((await mentionsOf(w.third)).length, before + 1, 'muted author');
  });

  it('tells nobody about mentions under a private video', async () => {
    const secret = await publishedVideo(w.owner.client, 'Private clip', { privacy: 3 });
    const before = (await mentionsOf(w.moderator)).length;
    await postThread(w.owner.client, secret.uuid, `hey @${w.moderator.username}`);
    assert.equal((await mentionsOf(w.moderator)).length, before);
  });
});

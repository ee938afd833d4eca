import assert from 'node:assert/strict';
import type { ResultList, UserNotification, UserRegistration } from '@shoal/models';
import { assertInvalid, createUser, type TestUser } from '../api/api-fixtures';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { SmtpCatcher } from '../shared/smtp-catcher';

/** `/verify-account/email?…` or `/reset-password?…` link of a mail, as its query parameters. */
function linkParams(text: string, path: string): URLSearchParams {
  const match = new RegExp(`${path}\\?(\\S+)`).exec(text);
  assert.ok(match, `no ${path} link in: ${text}`);
  return new URLSearchParams(match[1]);
}

describe('Registrations, e-mail verification and password reset', function () {
  this.timeout(120_000);
  let server: TestServer;
  let smtp: SmtpCatcher;
  let moderator: TestUser;
  const login = (username: string, password: string) =>
    server
      .anonymous()
      .api('GET', '/oauth-clients/local')
      .then(async (c) => {
        const { client_id, client_secret } = c.body as { client_id: string; client_secret: string };
        return server
          .anonymous()
          .api('POST', '/users/token', { form: { client_id, client_secret, grant_type: 'password', username, password } });
      });
  const request = (body: Record<string, unknown>) =>
    server.anonymous().api<UserRegistration>('POST', '/users/registrations/request', { json: body });
  const applicant = (name: string) => ({
    username: name,
    password: `${name}-password`,
    email: `${name}@mail.test`,
    registrationReason: 'I make videos',
  });

  before(async () => {
    smtp = await new SmtpCatcher().start();
    server = await new TestServer({
      configYaml: `${smtp.configYaml()}signup:\n  enabled: true\n  requires_approval: true\n  requires_email_verification: true\n  limit: 100\nrates_limit:\n  login:\n    max: 10000\n  signup:\n    max: 10000\n  ask_send_email:\n    max: 10000\n`,
    }).start();
    moderator = await createUser(server, 1, 'reg_moderator');
  });
  after(async () => {
    await server?.destroy();
    await smtp?.stop();
  });

  it('checks the request body and refuses open sign-up when approval is required', async () => {
    assertInvalid(await request({ ...applicant('nope'), registrationReason: undefined }), 'registrationReason');
    assertInvalid(await request({ ...applicant('nope'), registrationReason: 'x' }), 'registrationReason');
    assertInvalid(await request({ ...applicant('Bad Name') }), 'username');
    assertInvalid(await request({ ...applicant('nope'), email: 'not-an-email' }), 'email');
    assertProblem(
      await server.anonymous().api('POST', '/users/register', { json: { username: 'nope', password: 'password1', email: 'n@mail.test' } }),
      403,
    );
    assertProblem(await request({ ...applicant('dup'), username: 'root' }), 409);
  });

  it('takes a request, verifies its e-mail, notifies moderators, and accepts it into a user', async () => {
    const res = await request({
      ...applicant('alice'),
      displayName: 'Alice',
      channel: { name: 'alice_videos', displayName: 'Alice videos' },
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.state, { id: 1, label: 'Pending' });
    assert.equal(res.body.emailVerified, false);
    assertProblem(await request(applicant('alice')), 409);
    assertProblem(await login('alice', 'alice-password'), 400, 'account_waiting_for_approval');
    assertProblem(await login('alice', 'wrong-password'), 400, 'invalid_grant');

    const mail = await smtp.waitForMail('alice@mail.test', /Verify your e-mail/);
    assert.match(mail.subject, /^\[Shoal\]/);
    const link = linkParams(mail.text, '/verify-account/email');
    assert.equal(link.get('registrationId'), String(res.body.id));
    assertProblem(
      await server.anonymous().api('POST', `/users/registrations/${res.body.id}/verify-email`, { json: { verificationString: 'bad' } }),
      403,
    );
    await server.anonymous().expect(204, 'POST', `/api/v1/users/registrations/${res.body.id}/verify-email`, {
      json: { verificationString: link.get('verificationString') },
    });

    const notes = await moderator.client.expect<ResultList<UserNotification>>(200, 'GET', '/api/v1/users/me/notifications');
    assert.deepEqual(notes.data.find((n) => n.type === 20)?.registration, { id: res.body.id, username: 'alice' });

    assertProblem(await server.anonymous().api('GET', '/users/registrations'), 401);
    const user = await createUser(server, 2, 'reg_plain_user');
    assertProblem(await user.client.api('GET', '/users/registrations'), 403);
    const list = await moderator.client.expect<ResultList<UserRegistration>>(200, 'GET', '/api/v1/users/registrations', {
      query: { search: 'alice' },
    });
    assert.equal(list.total, 1);
    assert.equal(list.data[0].emailVerified, true);
    assert.equal(list.data[0].channelHandle, 'alice_videos');

    assertInvalid(await moderator.client.api('POST', `/users/registrations/${res.body.id}/accept`, { json: {} }), 'moderationResponse');
    assertProblem(await moderator.client.api('POST', '/users/registrations/99999/accept', { json: { moderationResponse: 'ok' } }), 404);
    await moderator.client.expect(204, 'POST', `/api/v1/users/registrations/${res.body.id}/accept`, {
      json: { moderationResponse: 'Welcome!' },
    });
    assertProblem(
      await moderator.client.api('POST', `/users/registrations/${res.body.id}/reject`, { json: { moderationResponse: 'no' } }),
      409,
    );
    const accepted = await smtp.waitForMail('alice@mail.test', /accepted/);
    assert.match(accepted.text, /Welcome!/);
    assert.equal((await login('alice', 'alice-password')).status, 200);
    const after = await moderator.client.expect<ResultList<UserRegistration>>(200, 'GET', '/api/v1/users/registrations', {
      query: { search: 'alice' },
    });
    assert.deepEqual(after.data[0].state, { id: 3, label: 'Accepted' });
    assert.ok(after.data[0].user?.id);
  });

  it('rejects a request with a moderation response, then deletes it', async () => {
    const { body } = await request(applicant('bob'));
    await moderator.client.expect(204, 'POST', `/api/v1/users/registrations/${body.id}/reject`, {
      json: { moderationResponse: 'Not this time', preventEmailDelivery: true },
    });
    assertProblem(await login('bob', 'bob-password'), 400, 'account_approval_rejected');
    await moderator.client.expect(204, 'DELETE', `/api/v1/users/registrations/${body.id}`);
    assertProblem(await moderator.client.api('DELETE', `/users/registrations/${body.id}`), 404);
    assert.equal(smtp.mails.filter((m) => m.to.includes('bob@mail.test') && /rejected/.test(m.subject)).length, 0, 'preventEmailDelivery');
  });

  it('resets a forgotten password with the e-mailed link, ending every session', async () => {
    const user = await createUser(server, 2, 'forgetful');
    await server.anonymous().expect(204, 'POST', '/api/v1/users/ask-reset-password', { json: { email: 'forgetful@example.com' } });
    await server.anonymous().expect(204, 'POST', '/api/v1/users/ask-reset-password', { json: { email: 'unknown@example.com' } });
    assertInvalid(await server.anonymous().api('POST', '/users/ask-reset-password', { json: { email: 'nope' } }), 'email');
    const mail = await smtp.waitForMail('forgetful@example.com', /Reset your password/);
    const link = linkParams(mail.text, '/reset-password');
    assert.equal(link.get('userId'), String(user.id));
    const reset = (verificationString: string, password = 'brand-new-password') =>
      server.anonymous().api('POST', `/users/${user.id}/reset-password`, { json: { verificationString, password } });
    assertProblem(await reset('wrong'), 403);
    assertInvalid(await reset(link.get('verificationString')!, '123'), 'password');
    assert.equal((await reset(link.get('verificationString')!)).status, 204);
    assertProblem(await reset(link.get('verificationString')!), 403, undefined);
    assertProblem(await user.client.api('GET', '/users/me'), 401);
    assert.equal((await login('forgetful', 'brand-new-password')).status, 200);
  });

  it('verifies the e-mail of a user through the link, and refuses login until then', async () => {
    const user = await createUser(server, 2, 'unverified');
    await server.admin.expect(204, 'PUT', `/api/v1/users/${user.id}`, { json: { emailVerified: false } });
    assertProblem(await login('unverified', user.password), 400, 'invalid_grant');
    await server.anonymous().expect(204, 'POST', '/api/v1/users/ask-send-verify-email', { json: { email: 'unverified@example.com' } });
    const link = linkParams((await smtp.waitForMail('unverified@example.com', /Verify your e-mail/)).text, '/verify-account/email');
    assert.equal(link.get('userId'), String(user.id));
    const verify = (verificationString: string) =>
      server.anonymous().api('POST', `/users/${user.id}/verify-email`, { json: { verificationString } });
    assertProblem(await verify('bad'), 403);
    assertProblem(await server.anonymous().api('POST', '/users/999999/verify-email', { json: { verificationString: 'bad' } }), 404);
    assert.equal((await verify(link.get('verificationString')!)).status, 204);
    assert.equal((await login('unverified', user.password)).status, 200);
  });

  it('e-mails a banned user the reason', async () => {
    const user = await createUser(server, 2, 'soon_banned');
    await moderator.client.expect(204, 'POST', `/api/v1/users/${user.id}/block`, { json: { reason: 'Repeated spam' } });
    const mail = await smtp.waitForMail('soon_banned@example.com', /blocked/);
    assert.match(mail.text, /Reason: Repeated spam/);
  });
});

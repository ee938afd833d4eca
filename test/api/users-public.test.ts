import assert from 'node:assert/strict';
import { UserRole } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import { ADMIN_PASSWORD, TestServer } from '../shared/server-process';
import { assertInvalid, longString, RELAXED_LIMITS, uniqueName } from './api-fixtures';

describe('Public user endpoints: registration, autocomplete, login', () => {
  let open: TestServer;
  let closed: TestServer;

  before(async () => {
    [open, closed] = await Promise.all([
      new TestServer({ configYaml: RELAXED_LIMITS }).start(),
      new TestServer({ configYaml: `${RELAXED_LIMITS}signup:\n  enabled: false\n` }).start(),
    ]);
  });
  after(() => Promise.all([open?.destroy(), closed?.destroy()]));

  const registration = (
    over: Record<string, unknown> = {},
  ): Record<string, unknown> & { username: string; email: string; password: string } => {
    const username = uniqueName('reg');
    return { username, password: 'register-password', email: `${username}@example.com`, ...over };
  };

  it('registers a user with a chosen first channel who can then log in', async () => {
    const body = registration({ displayName: 'Registered Person', channel: { name: uniqueName('regchan'), displayName: 'My channel' } });
    assert.equal((await open.anonymous().api('POST', '/users/register', { json: body })).status, 204);
    const client = await open.admin.as(body.username, body.password);
    const me = await client.me();
    assert.equal(me.role.id, UserRole.USER);
    assert.equal(me.account.displayName, 'Registered Person');
    assert.deepEqual(
      me.videoChannels.map((c) => c.name),
      [(body.channel as { name: string }).name],
    );
  });

  it('refuses duplicates and a channel named like an account', async () => {
    const body = registration();
    assert.equal((await open.anonymous().api('POST', '/users/register', { json: body })).status, 204);
    assertProblem(await open.anonymous().api('POST', '/users/register', { json: { ...body, email: 'other@example.com' } }), 409);
    assertProblem(await open.anonymous().api('POST', '/users/register', { json: registration({ email: body.email }) }), 409);
    const sameAsUser = registration();
    assertProblem(
      await open
        .anonymous()
        .api('POST', '/users/register', { json: { ...sameAsUser, channel: { name: sameAsUser.username, displayName: 'x' } } }),
      409,
    );
    assertProblem(
      await open.anonymous().api('POST', '/users/register', { json: registration({ channel: { name: 'root', displayName: 'x' } }) }),
      409,
    );
  });

  it('validates the body', async () => {
    assertInvalid(await open.anonymous().api('POST', '/users/register', { json: registration({ email: undefined }) }), 'email');
    assertInvalid(await open.anonymous().api('POST', '/users/register', { json: registration({ password: '123' }) }), 'password');
    assertInvalid(
      await open.anonymous().api('POST', '/users/register', { json: registration({ displayName: longString(121) }) }),
      'displayName',
    );
    assertInvalid(
      await open.anonymous().api('POST', '/users/register', { json: registration({ channel: { name: 'ok_name' } }) }),
      'channel.displayName',
    );
    assertInvalid(await open.anonymous().api('POST', '/users/register', { json: registration({ role: 0 }) }), 'role');
  });

  it('is refused when sign-up is disabled', async () => {
    assertProblem(await closed.anonymous().api('POST', '/users/register', { json: registration() }), 403, 'signup_disabled');
    const config = await closed.anonymous().expect<{ signup: { allowed: boolean } }>(200, 'GET', '/api/v1/config');
    assert.equal(config.signup.allowed, false);
  });

  it('still logs the administrator in on both servers', async () => {
    await closed.admin.as('root', ADMIN_PASSWORD);
  });

  describe('login timing', () => {
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await assert.rejects(open.admin.as(username, 'wrong-password'));
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

    it('spends as long on an unknown username as on a wrong password', async () => {
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        known.push(await time('root'));
        unknown.push(await time(`ghost_${i}`));
      }
      // Without the dummy hash an unknown user answers in a few ms against ~100 ms of argon2.
      assert.ok(median(unknown) > median(known) * 0.5, `unknown ${median(unknown)} ms vs known ${median(known)} ms`);
    });
  });

  describe('GET /users/autocomplete', () => {
    it('suggests usernames containing the text', async () => {
      const names = await open.anonymous().expect<string[]>(200, 'GET', '/api/v1/users/autocomplete', { query: { search: 'roo' } });
      assert.deepEqual(names, ['root']);
      const many = await open.anonymous().expect<string[]>(200, 'GET', '/api/v1/users/autocomplete', { query: { search: 'o' } });
      assert.ok(many.length >= 1 && many.length <= 10);
    });

    it('treats LIKE wildcards as text and requires a search', async () => {
      assert.deepEqual(await open.anonymous().expect(200, 'GET', '/api/v1/users/autocomplete', { query: { search: '%' } }), []);
      assertInvalid(await open.anonymous().api('GET', '/users/autocomplete'), 'search');
      assertInvalid(await open.anonymous().api('GET', '/users/autocomplete', { query: { search: longString(51) } }), 'search');
    });
  });
});

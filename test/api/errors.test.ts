import assert from 'node:assert/strict';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';

describe('HTTP behaviour shared by every endpoint', () => {
  let server: TestServer;

  before(async () => {
    server = await new TestServer().start();
  });
  after(() => server.destroy());

  it('answers malformed JSON with 400 malformed_body', async () => {
    const res = await server.admin.api('PUT', '/users/me', { body: '{"theme": ', headers: { 'content-type': 'application/json' } });
    assertProblem(res, 400, 'malformed_body');
  });

  it('answers a JSON body above the limit with 413', async () => {
    const res = await server.admin.api('PUT', '/users/me', { json: { theme: 'x'.repeat(600 * 1024) } });
    assertProblem(res, 413, 'max_file_size_reached');
  });

  it('refuses a token request that is neither form-encoded nor JSON', async () => {
    const res = await server.anonymous().api('POST', '/users/token', {
      body: 'grant_type=password&username=root',
      headers: { 'content-type': 'text/plain' },
    });
    assertProblem(res, 400, 'invalid_request');
  });

  it('answers unknown API routes with a 404 problem', async () => {
    assertProblem(await server.anonymous().api('GET', '/no-such-thing'), 404, 'not_found');
    assertProblem(await server.anonymous().api('DELETE', '/config'), 404, 'not_found');
  });

  it('answers a missing avatar file with a bare 404', async () => {
    const res = await fetch(`${server.url}/lazy-static/avatars/00000000-0000-4000-8000-000000000000.jpg`);
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '');
    assert.equal((await fetch(`${server.url}/lazy-static/avatars/../../etc/passwd`)).status, 404);
  });

  it('sends the security headers', async () => {
    const res = await server.anonymous().api('GET', '/config');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=/);
    assert.equal(res.headers.get('x-powered-by'), null);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('allows cross-origin calls on the API, preflight included', async () => {
    const res = await server.anonymous().api('GET', '/video-channels', { headers: { origin: 'https://app.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const preflight = await server.anonymous().api('OPTIONS', '/users/me', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });

  it('answers a problem with its invalid parameters on validation errors', async () => {
    const res = await server.admin.api('POST', '/video-channels', { json: { name: 'bad name', displayName: 3, extra: true } });
    assertProblem(res, 400, 'validation_error');
    const body = res.body as { instance: string; 'invalid-params': Record<string, { location: string; msg: string }> };
    assert.equal(body.instance, '/api/v1/video-channels');
    assert.deepEqual(Object.keys(body['invalid-params']).sort(), ['displayName', 'extra', 'name']);
    assert.equal(body['invalid-params'].name.location, 'body');
  });
});

describe('Rate limits', () => {
  // Fixed windows of an hour: the test cannot straddle a window boundary.
  const LOGIN_MAX = 3;
  const API_MAX = 12;
  let server: TestServer;

  before(async () => {
    server = await new TestServer({
      configYaml: `rates_limit:\n  login:\n    window: 1 hour\n    max: ${LOGIN_MAX}\n  api:\n    window: 1 hour\n    max: ${API_MAX}\n`,
    }).start();
  });
  after(() => server.destroy());

  it('refuses the login after the limit with 429 and Retry-After', async () => {
    // The harness already logged root in once (one login, two API calls).
    const client = (await server.anonymous().api<{ client_id: string; client_secret: string }>('GET', '/oauth-clients/local')).body;
    const login = () =>
      server.anonymous().api('POST', '/users/token', {
        form: { ...client, grant_type: 'password', username: 'root', password: 'wrong-password' },
      });
    for (let i = 1; i < LOGIN_MAX; i++) assertProblem(await login(), 400, 'invalid_grant');
    const limited = await login();
    assertProblem(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    assert.equal(limited.headers.get('x-ratelimit-limit'), String(LOGIN_MAX));
  });

  it('lets administrators through the API limiter while anonymous callers hit it', async () => {
    for (let i = 0; i < API_MAX + 5; i++) assert.equal((await server.admin.api('GET', '/users/me')).status, 200);
    let res;
    for (let i = 0; i <= API_MAX; i++) {
      res = await server.anonymous().api('GET', '/config');
      if (res.status === 429) break;
    }
    assertProblem(res!, 429, 'rate_limited');
    assert.ok(Number(res!.headers.get('retry-after')) > 0);
    assert.equal((await server.admin.api('GET', '/config')).status, 200);
  });
});

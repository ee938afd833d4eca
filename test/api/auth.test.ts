import assert from 'node:assert/strict';
import { ShoalClient } from '@shoal/api-client';
import { assertProblem } from '../shared/problem';
import { ADMIN_PASSWORD, TestServer } from '../shared/server-process';

describe('OAuth login (PeerTube flow)', () => {
  let server: TestServer;
  let client: { client_id: string; client_secret: string };

  before(async () => {
    server = await new TestServer().start();
    client = (await server.anonymous().api<typeof client>('GET', '/oauth-clients/local')).body;
  });
  after(() => server.destroy());

  const grant = (fields: Record<string, string>) =>
    server
      .anonymous()
      .api('POST', '/users/token', { form: { client_id: client.client_id, client_secret: client.client_secret, ...fields } });

  it('hands out the local client', () => {
    assert.match(client.client_id, /^[0-9a-f]{32}$/);
    assert.match(client.client_secret, /^[0-9a-f]{32}$/);
  });

  it('logs in with a form-encoded password grant', async () => {
    const res = await grant({ grant_type: 'password', username: 'root', password: ADMIN_PASSWORD });
    assert.equal(res.status, 200);
    const body = res.body as Record<string, unknown>;
    assert.equal(body.token_type, 'Bearer');
    assert.match(String(body.access_token), /^[0-9a-f]{40}$/);
    assert.match(String(body.refresh_token), /^[0-9a-f]{40}$/);
    assert.equal(body.expires_in, 86400);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const me = await new ShoalClient(server.url, String(body.access_token)).me();
    assert.equal(me.username, 'root');
    assert.equal(me.role.id, 0);
  });

  it('accepts the e-mail instead of the username, case-insensitively', async () => {
    const res = await grant({ grant_type: 'password', username: 'ADMIN@example.com', password: ADMIN_PASSWORD });
    assert.equal(res.status, 200);
  });

  it('refuses a wrong password with invalid_grant', async () => {
    assertProblem(await grant({ grant_type: 'password', username: 'root', password: 'nope-nope' }), 400, 'invalid_grant');
  });

  it('refuses an unknown user the same way', async () => {
    assertProblem(await grant({ grant_type: 'password', username: 'ghost', password: 'nope-nope' }), 400, 'invalid_grant');
  });

  it('refuses a wrong client', async () => {
    const res = await server.anonymous().api('POST', '/users/token', {
      form: { client_id: 'x', client_secret: 'y', grant_type: 'password', username: 'root', password: ADMIN_PASSWORD },
    });
    assertProblem(res, 400, 'invalid_client');
  });

  it('refuses an unsupported grant type', async () => {
    assertProblem(await grant({ grant_type: 'client_credentials' }), 400, 'unsupported_grant_type');
  });

  it('refuses a token request without fields', async () => {
    assertProblem(await server.anonymous().api('POST', '/users/token', { form: {} }), 400, 'validation_error');
  });

  it('rotates tokens with the refresh grant and revokes the old pair', async () => {
    const first = (await grant({ grant_type: 'password', username: 'root', password: ADMIN_PASSWORD })).body as Record<string, string>;
    const res = await grant({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    assert.equal(res.status, 200);
    const second = res.body as Record<string, string>;
    assert.notEqual(second.access_token, first.access_token);
    assertProblem(await server.anonymous().api('GET', '/users/me', { token: first.access_token }), 401, 'invalid_token');
    assertProblem(await grant({ grant_type: 'refresh_token', refresh_token: first.refresh_token }), 400, 'invalid_grant');
    assert.equal((await server.anonymous().api('GET', '/users/me', { token: second.access_token })).status, 200);
  });

  it('revokes the current token on logout', async () => {
    const tokens = (await grant({ grant_type: 'password', username: 'root', password: ADMIN_PASSWORD })).body as Record<string, string>;
    const c = new ShoalClient(server.url, tokens.access_token);
    assert.equal((await c.api('POST', '/users/revoke-token')).status, 200);
    assertProblem(await c.api('GET', '/users/me'), 401, 'invalid_token');
  });

  it('answers 401 to a garbage bearer token even on public endpoints', async () => {
    assertProblem(await server.anonymous().api('GET', '/video-channels', { token: 'garbage' }), 401, 'invalid_token');
  });

  it('never stores tokens in clear', async () => {
    const tokens = (await grant({ grant_type: 'password', username: 'root', password: ADMIN_PASSWORD })).body as Record<string, string>;
    const rows = await server.sql('SELECT 1 FROM oauth_tokens WHERE access_token_hash = $1 OR refresh_token_hash = $2', [
      tokens.access_token,
      tokens.refresh_token,
    ]);
    assert.equal(rows.length, 0);
  });
});

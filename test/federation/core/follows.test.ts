import assert from 'node:assert/strict';
import { createUser, RELAXED_LIMITS } from '../../api/api-fixtures';
import { assertProblem } from '../../shared/problem';
import { TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';

const AP = { accept: 'application/activity+json' };

interface ActorDoc {
  type: string;
  attributedTo?: string[];
  publicKey: { publicKeyPem: string };
  endpoints: { sharedInbox: string };
}

describe('federation core between real servers', function () {
  this.timeout(180_000);
  let a: TestServer;
  let b: TestServer;
  let c: TestServer;

  before(async () => {
    a = new TestServer({ configYaml: RELAXED_LIMITS });
    b = new TestServer({ configYaml: RELAXED_LIMITS });
    c = new TestServer({ configYaml: `${RELAXED_LIMITS}followers:\n  instance:\n    manual_approval: true\n` });
    await Promise.all([a.start(), b.start(), c.start()]);
  });

  after(async () => {
    await Promise.all([a, b, c].map((s) => s?.destroy()));
  });

  describe('discovery', () => {
    it('answers WebFinger for accounts, channels and the instance actor, case-insensitively', async () => {
      for (const [name, path] of [
        ['root', '/accounts/root'],
        ['ROOT_channel', '/video-channels/root_channel'],
        ['peertube', '/accounts/peertube'],
      ]) {
        const res = await a
          .anonymous()
          .request<{ subject: string; links: Array<{ rel: string; href?: string }> }>('GET', '/.well-known/webfinger', {
            query: { resource: `acct:${name}@${a.host}` },
          });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.subject, `acct:${name}@${a.host}`);
        assert.equal(res.body.links.find((l) => l.rel === 'self')?.href, `${a.url}${path}`);
      }
    });

    it('refuses WebFinger for unknown names and other hosts', async () => {
      assertProblem(await a.anonymous().request('GET', '/.well-known/webfinger', { query: { resource: `acct:nobody@${a.host}` } }), 404);
      assertProblem(await a.anonymous().request('GET', '/.well-known/webfinger', { query: { resource: 'acct:root@other.example' } }), 400);
      assertProblem(await a.anonymous().request('GET', '/.well-known/webfinger', { query: { resource: 'root' } }), 400);
    });

    it('serves NodeInfo 2.0 with the instance actor link, and host-meta', async () => {
      const links = await a.anonymous().expect<{ links: Array<{ rel: string; href: string }> }>(200, 'GET', '/.well-known/nodeinfo');
      assert.equal(links.links.find((l) => l.rel.endsWith('#Application'))?.href, `${a.url}/accounts/peertube`);
      const info = await a
        .anonymous()
        .expect<{ software: { name: string }; protocols: string[]; usage: { users: { total: number } } }>(200, 'GET', '/nodeinfo/2.0.json');
      assert.deepEqual(info.protocols, ['activitypub']);
      assert.ok(info.usage.users.total >= 1);
      const meta = await a.anonymous().request('GET', '/.well-known/host-meta');
      assert.match(meta.text, /lrdd/);
    });

    it('serves actor documents only when ActivityPub is negotiated', async () => {
      const res = await a.anonymous().request<ActorDoc>('GET', '/video-channels/root_channel', { headers: AP });
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /application\/activity\+json/);
      assert.equal(res.body.type, 'Group');
      assert.deepEqual(res.body.attributedTo, [`${a.url}/accounts/root`]);
      assert.match(res.body.publicKey.publicKeyPem, /BEGIN PUBLIC KEY/);
      assert.equal(res.body.endpoints.sharedInbox, `${a.url}/inbox`);
      const person = await a.anonymous().request<ActorDoc>('GET', '/accounts/root', { headers: { accept: 'application/ld+json' } });
      assert.equal(person.body.type, 'Person');
      const app = await a.anonymous().request<ActorDoc>('GET', '/accounts/peertube', { headers: AP });
      assert.equal(app.body.type, 'Application');
      // Browsers get the web client (or its "not built" 404), never AP JSON.
      const html = await a.anonymous().request('GET', '/video-channels/root_channel', { headers: { accept: 'text/html' } });
      assert.doesNotMatch(html.headers.get('content-type') ?? '', /activity\+json/);
      const any = await a.anonymous().request('GET', '/accounts/root', { headers: { accept: '*/*' } });
      assert.doesNotMatch(any.headers.get('content-type') ?? '', /activity\+json/);
    });
  });

  describe('channel subscriptions', () => {
    it('subscribes a user of B to a channel of A (Follow → Accept) and unsubscribes (Undo)', async () => {
      const owner = await createUser(a);
      const fan = await createUser(b);
      const handle = `${owner.username}_channel@${a.host}`;
      const res = await fan.client.api('POST', '/users/me/subscriptions', { json: { uri: handle } });
      assert.equal(res.status, 204, res.text);

      const followersUrl = `/video-channels/${owner.username}_channel/followers`;
      await waitFor(
        async () => (await a.anonymous().request<{ totalItems: number }>('GET', followersUrl, { headers: AP })).body.totalItems === 1,
        {
          what: 'follower on A',
        },
      );
      const page = await a.anonymous().request<{ orderedItems: string[] }>('GET', followersUrl, { headers: AP, query: { page: 1 } });
      assert.deepEqual(page.body.orderedItems, [`${b.url}/accounts/${fan.username}`]);
      await waitFor(
        async () => {
          const rows = await b.sql(
            'SELECT f.state FROM actor_follows f JOIN actors t ON t.id = f.target_actor_id WHERE t.preferred_username = $1',
            [`${owner.username}_channel`],
          );
          return rows[0]?.state === 'accepted';
        },
        { what: 'accepted on B' },
      );

      const list = await fan.client.api<{ total: number; data: Array<{ name: string; host: string }> }>('GET', '/users/me/subscriptions');
      assert.equal(list.body.total, 1);
      assert.equal(list.body.data[0].name, `${owner.username}_channel`);
      assert.equal(list.body.data[0].host, a.host);
      const exist = await fan.client.api<Record<string, boolean>>('GET', '/users/me/subscriptions/exist', {
        query: { uris: [handle, `nope@${a.host}`] },
      });
      assert.deepEqual(exist.body, { [handle]: true, [`nope@${a.host}`]: false });

      const one = await fan.client.api<{ name: string }>('GET', `/users/me/subscriptions/${handle}`);
      assert.equal(one.body.name, `${owner.username}_channel`);

      assert.equal((await fan.client.api('DELETE', `/users/me/subscriptions/${handle}`)).status, 204);
      await waitFor(
        async () => (await a.anonymous().request<{ totalItems: number }>('GET', followersUrl, { headers: AP })).body.totalItems === 0,
        {
          what: 'Undo processed on A',
        },
      );
      assertProblem(await fan.client.api('DELETE', `/users/me/subscriptions/${handle}`), 404);
    });

    it('subscribes to a local channel without any HTTP', async () => {
      const owner = await createUser(a);
      const fan = await createUser(a);
      assert.equal((await fan.client.api('POST', '/users/me/subscriptions', { json: { uri: `${owner.username}_channel` } })).status, 204);
      const list = await fan.client.api<{ total: number }>('GET', '/users/me/subscriptions');
      assert.equal(list.body.total, 1);
    });

    it('validates subscription input and requires a login', async () => {
      assertProblem(await a.anonymous().api('POST', '/users/me/subscriptions', { json: { uri: 'x@y' } }), 401);
      const user = await createUser(a);
      assertProblem(await user.client.api('POST', '/users/me/subscriptions', { json: {} }), 400);
      assertProblem(await user.client.api('POST', '/users/me/subscriptions', { json: { uri: 'bad handle!' } }), 400);
      assertProblem(await user.client.api('POST', '/users/me/subscriptions', { json: { uri: `${user.username}` } }), 400);
    });
  });

  describe('instance follows', () => {
    it('follows another instance that auto-accepts, then unfollows it', async () => {
      assert.equal((await b.admin.api('POST', '/server/following', { json: { hosts: [a.host] } })).status, 204);
      await waitFor(
        async () => {
          const res = await b.admin.api<{ data: Array<{ state: string; following: { host: string; name: string } }> }>(
            'GET',
            '/server/following',
          );
          return res.body.data.find((f) => f.following.host === a.host)?.state === 'accepted';
        },
        { what: 'B follows A' },
      );
      const followers = await a.admin.api<{ total: number; data: Array<{ follower: { host: string; name: string }; state: string }> }>(
        'GET',
        '/server/followers',
      );
      assert.equal(followers.body.data[0].follower.host, b.host);
      assert.equal(followers.body.data[0].follower.name, 'peertube');
      assert.equal(followers.body.data[0].state, 'accepted');

      assert.equal((await b.admin.api('DELETE', `/server/following/${a.host}`)).status, 204);
      await waitFor(async () => (await a.admin.api<{ total: number }>('GET', '/server/followers')).body.total === 0, { what: 'Undo on A' });
    });

    it('waits for manual approval when the followed instance asks for it', async () => {
      assert.equal((await b.admin.api('POST', '/server/following', { json: { hosts: [c.host] } })).status, 204);
      const pending = await waitFor(
        async () => {
          const res = await c.admin.api<{ data: Array<{ state: string; follower: { name: string; host: string } }> }>(
            'GET',
            '/server/followers',
          );
          return res.body.data.find((f) => f.follower.host === b.host && f.state === 'pending');
        },
        { what: 'pending follower on C' },
      );
      const bFollowing = await b.admin.api<{ data: Array<{ state: string }> }>('GET', '/server/following', { query: { state: 'pending' } });
      assert.equal(bFollowing.body.data.length, 1);

      const res = await c.admin.api('POST', `/server/followers/${pending.follower.name}@${b.host}/accept`);
      assert.equal(res.status, 204, res.text);
      await waitFor(
        async () => {
          const list = await b.admin.api<{ data: Array<{ state: string; following: { host: string } }> }>('GET', '/server/following');
          return list.body.data.find((f) => f.following.host === c.host)?.state === 'accepted';
        },
        { what: 'Accept reached B' },
      );
    });

    it('restricts instance follows to administrators', async () => {
      const user = await createUser(a);
      assertProblem(await user.client.api('POST', '/server/following', { json: { hosts: [b.host] } }), 403);
      assertProblem(await a.admin.api('POST', '/server/following', { json: {} }), 400);
      assertProblem(await a.admin.api('DELETE', '/server/following/unknown.example'), 404);
      assertProblem(await a.admin.api('POST', '/server/followers/nobody@unknown.example/accept'), 404);
      assertProblem(await a.admin.api('POST', '/server/followers/not a handle/accept'), 400);
    });
  });
});

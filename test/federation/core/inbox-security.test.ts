import assert from 'node:assert/strict';
import { createUser, RELAXED_LIMITS, type TestUser } from '../../api/api-fixtures';
import { TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { FixtureActorServer, rsaKeys, verifyReceived } from './fixture-actor-server';

const AP = { accept: 'application/activity+json' };

/**
 * One real server (A) and a hand-written remote instance (the fixture) whose actors are shaped like
 * Mastodon's Person and PeerTube's Group, and which signs its requests with its own keys.
 */
describe('federation inbox security and foreign actors', function () {
  this.timeout(180_000);
  let a: TestServer;
  let fixture: FixtureActorServer;
  let owner: TestUser;
  let channel: string;
  let inbox: string;

  const followersOf = async (name: string) =>
    (await a.anonymous().request<{ totalItems: number }>('GET', `/video-channels/${name}/followers`, { headers: AP })).body.totalItems;
  const follow = (actor: string, n = Math.random()) => ({
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Follow',
    id: `${actor}/follows/${n}`,
    actor,
    object: `${a.url}/video-channels/${channel}`,
  });
  const followCount = async () => Number((await a.sql('SELECT count(*) AS n FROM actor_follows'))[0].n);

  before(async () => {
    fixture = await new FixtureActorServer().start();
    a = await new TestServer({ configYaml: RELAXED_LIMITS }).start();
    owner = await createUser(a);
    channel = `${owner.username}_channel`;
    inbox = `${a.url}/video-channels/${channel}/inbox`;
  });

  after(async () => {
    await a?.destroy();
    await fixture?.stop();
  });

  it('accepts a Follow from a Mastodon-shaped Person and answers with a signed Accept to its personal inbox', async () => {
    const bob = fixture.addPerson('bob');
    const res = await fixture.post(inbox, 'bob', follow(bob));
    assert.equal(res.status, 204, res.text);
    const accept = await waitFor(() => fixture.received.find((p) => p.path === '/users/bob/inbox' && p.json.type === 'Accept'), {
      what: 'Accept delivered',
    });
    assert.equal(accept.json.actor, `${a.url}/video-channels/${channel}`);
    assert.equal((accept.json.object as { actor: string }).actor, bob);
    const group = await a
      .anonymous()
      .request<{ publicKey: { publicKeyPem: string } }>('GET', `/video-channels/${channel}`, { headers: AP });
    assert.ok(verifyReceived(accept, group.body.publicKey.publicKeyPem), 'Accept signed by the channel key');
    assert.equal(await followersOf(channel), 1);
    // A delivery that went through raises the follow's reachability score (base 1000, +10).
    await waitFor(
      async () =>
        (await a.sql('SELECT f.score FROM actor_follows f JOIN actors x ON x.id = f.actor_id WHERE x.url = $1', [bob]))[0]?.score === 1010,
      {
        what: 'score raised',
      },
    );
    const stored = await a.sql('SELECT a.type, ac.display_name FROM actors a JOIN accounts ac ON ac.actor_id = a.id WHERE a.url = $1', [
      bob,
    ]);
    assert.deepEqual(stored, [{ type: 'Person', display_name: 'bob (Mastodon)' }]);
  });

  it('refuses an unsigned POST', async () => {
    const before = await followCount();
    const res = await fixture.send(
      inbox,
      { 'content-type': 'application/activity+json' },
      JSON.stringify(follow(fixture.addPerson('eve'))),
    );
    assert.equal(res.status, 401);
    assert.match(res.type, /problem\+json/);
    assert.equal(await followCount(), before);
  });

  it('refuses a POST signed with a key that is not the actor key', async () => {
    const before = await followCount();
    const mallory = fixture.addPerson('mallory');
    const res = await fixture.post(inbox, 'mallory', follow(mallory), { privateKey: rsaKeys().privateKey });
    assert.equal(res.status, 401, res.text);
    assert.equal(await followCount(), before);
  });

  it('refuses a replayed request', async () => {
    const carol = fixture.addPerson('carol');
    const { headers, body } = fixture.signedPost(inbox, 'carol', follow(carol));
    assert.equal((await fixture.send(inbox, headers, body)).status, 204);
    const replay = await fixture.send(inbox, headers, body);
    assert.equal(replay.status, 401);
    assert.match(replay.text, /replay/);
  });

  it('refuses a stale Date and a Date too far ahead', async () => {
    const dave = fixture.addPerson('dave');
    const old = await fixture.post(inbox, 'dave', follow(dave), { date: new Date(Date.now() - 13 * 3600_000) });
    assert.equal(old.status, 401);
    const ahead = await fixture.post(inbox, 'dave', follow(dave), { date: new Date(Date.now() + 2 * 3600_000) });
    assert.equal(ahead.status, 401);
    assert.equal(await followersOf(channel), 2); // bob and carol only
  });

  it('refuses a Digest that does not match the body', async () => {
    const frank = fixture.addPerson('frank');
    const res = await fixture.post(inbox, 'frank', follow(frank), { digest: 'SHA-256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    assert.equal(res.status, 401);
    assert.match(res.text, /digest/i);
  });

  it('refuses a Create of an object of another host', async () => {
    const gina = fixture.addPerson('gina');
    const create = {
      type: 'Create',
      id: `${gina}/statuses/1/activity`,
      actor: gina,
      to: ['https://www.w3.org/ns/activitystreams#Public'],
      object: { type: 'Note', id: `${a.url}/videos/watch/forged/comments/1`, attributedTo: gina, content: 'forged' },
    };
    const res = await fixture.post(`${a.url}/inbox`, 'gina', create);
    assert.equal(res.status, 403);
    assert.match(res.type, /problem\+json/);
  });

  it('follows a key rotation: a request signed with a new key is accepted after one refetch', async () => {
    const hank = fixture.addPerson('hank');
    assert.equal((await fixture.post(inbox, 'hank', follow(hank))).status, 204);
    fixture.keys.set('hank', rsaKeys());
    fixture.refresh('hank');
    const res = await fixture.post(inbox, 'hank', { ...follow(hank), type: 'Undo', id: `${hank}/undo/1`, object: follow(hank, 1) });
    assert.equal(res.status, 204, res.text);
  });

  it('drops activities from a server on the instance blocklist', async () => {
    const ivan = fixture.addPerson('ivan');
    const before = await followersOf(channel);
    const block = await a.admin.api('POST', '/server/blocklist/servers', { json: { host: fixture.host } });
    assert.equal(block.status, 204, block.text);
    const res = await fixture.post(inbox, 'ivan', follow(ivan));
    assert.equal(res.status, 403);
    assert.equal(await followersOf(channel), before);
    assert.equal((await a.sql('SELECT 1 FROM actors WHERE url = $1', [ivan])).length, 0);
    await a.admin.api('DELETE', `/server/blocklist/servers/${fixture.host}`);
  });

  it('subscribes a local user to a PeerTube-shaped remote Group and takes its Accept', async () => {
    const groupUrl = fixture.addGroup('cooking', 'ana');
    const fan = await createUser(a);
    const res = await fan.client.api('POST', '/users/me/subscriptions', { json: { uri: `cooking@${fixture.host}` } });
    assert.equal(res.status, 204, res.text);
    const followPost = await waitFor(
      () => fixture.received.find((p) => p.path === '/video-channels/cooking/inbox' && p.json.type === 'Follow'),
      {
        what: 'Follow delivered to the group inbox',
      },
    );
    const fanDoc = await a
      .anonymous()
      .request<{ publicKey: { publicKeyPem: string } }>('GET', `/accounts/${fan.username}`, { headers: AP });
    assert.ok(verifyReceived(followPost, fanDoc.body.publicKey.publicKeyPem), 'Follow signed by the follower');
    const stored = await a.sql(
      'SELECT c.display_name, oa.url AS owner FROM video_channels c JOIN actors g ON g.id = c.actor_id JOIN accounts o ON o.id = c.account_id JOIN actors oa ON oa.id = o.actor_id WHERE g.url = $1',
      [groupUrl],
    );
    assert.deepEqual(stored, [{ display_name: 'Channel cooking', owner: fixture.personUrl('ana') }]);

    const accept = { type: 'Accept', id: `${groupUrl}/accepts/1`, actor: groupUrl, object: followPost.json };
    const answer = await fixture.post(`${a.url}/accounts/${fan.username}/inbox`, 'cooking', accept);
    assert.equal(answer.status, 204, answer.text);
    await waitFor(
      async () => (await a.sql("SELECT 1 FROM actor_follows WHERE url = $1 AND state = 'accepted'", [followPost.json.id])).length === 1,
      {
        what: 'follow accepted',
      },
    );
    // Accepted: the group's outbox is read to backfill what it published before.
    await waitFor(() => fixture.hits.includes('/video-channels/cooking/outbox'), { what: 'outbox crawl' });
    const list = await fan.client.api<{ data: Array<{ name: string; host: string; ownerAccount: { name: string } }> }>(
      'GET',
      '/users/me/subscriptions',
    );
    assert.equal(list.body.data[0].name, 'cooking');
    assert.equal(list.body.data[0].ownerAccount.name, 'ana');
  });

  it('ignores a self-Delete from an actor that is already gone', async () => {
    const ghost = fixture.personUrl('ghost');
    const res = await fixture.post(`${a.url}/inbox`, 'ghost', { type: 'Delete', id: `${ghost}#delete`, actor: ghost, object: ghost });
    assert.equal(res.status, 204, res.text);
    const other = await fixture.post(`${a.url}/inbox`, 'ghost', {
      type: 'Delete',
      id: `${ghost}#delete2`,
      actor: ghost,
      object: `${ghost}/x`,
    });
    assert.equal(other.status, 401);
  });

  it('answers 404 when the remote server does not know the handle', async () => {
    const user = await createUser(a);
    const res = await user.client.api('POST', '/users/me/subscriptions', { json: { uri: `nobody@${fixture.host}` } });
    assert.equal(res.status, 404, res.text);
  });

  describe('with SSRF protection on', () => {
    let guarded: TestServer;
    before(async () => {
      guarded = await new TestServer({ configYaml: `${RELAXED_LIMITS}federation:\n  prevent_ssrf: true\n` }).start();
    });
    after(async () => {
      await guarded?.destroy();
    });

    it('refuses to fetch anything on a loopback address', async () => {
      fixture.addPerson('zoe');
      const hits = fixture.hits.length;
      const user = await createUser(guarded);
      const res = await user.client.api('POST', '/users/me/subscriptions', { json: { uri: `zoe@${fixture.host}` } });
      assert.equal(res.status, 400, res.text);
      assert.match(res.text, /private address/);
      assert.equal(fixture.hits.length, hits, 'no request reached the loopback server');
    });
  });
});

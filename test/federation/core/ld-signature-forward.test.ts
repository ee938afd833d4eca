import assert from 'node:assert/strict';
import { createUser, RELAXED_LIMITS } from '../../api/api-fixtures';
import { TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { FixtureActorServer, rsaKeys } from './fixture-actor-server';
import { ldSign, ldVerify } from './ld-signature-fixture';

const AP = { accept: 'application/activity+json' };
const BASE_CONTEXT = [
  'https://www.w3.org/ns/activitystreams',
  'https://w3id.org/security/v1',
  { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' },
];

/**
 * Forwarded activities (HTTP signer ≠ actor): a relay on the fixture instance re-posts activities
 * authored by other fixture actors to server A's shared inbox. The author's RsaSignature2017 decides.
 */
describe('federation forwarded activities and RsaSignature2017', function () {
  this.timeout(180_000);
  let a: TestServer;
  let fixture: FixtureActorServer;
  let channelUrl: string;
  let sharedInbox: string;

  const follow = (actor: string) => ({
    '@context': BASE_CONTEXT,
    type: 'Follow',
    id: `${actor}/follows/${Date.now()}`,
    actor,
    object: channelUrl,
  });
  const followsOf = async (actorUrl: string) =>
    Number((await a.sql('SELECT count(*) AS n FROM actor_follows f JOIN actors x ON x.id = f.actor_id WHERE x.url = $1', [actorUrl]))[0].n);

  before(async () => {
    fixture = await new FixtureActorServer().start();
    a = await new TestServer({ configYaml: RELAXED_LIMITS }).start();
    const owner = await createUser(a);
    channelUrl = `${a.url}/video-channels/${owner.username}_channel`;
    sharedInbox = `${a.url}/inbox`;
    fixture.addPerson('relay');
  });

  after(async () => {
    await a?.destroy();
    await fixture?.stop();
  });

  it('processes a forwarded activity whose author signature is valid, and answers with an LD-signed activity', async () => {
    const bob = fixture.addPerson('bob');
    const signed = await ldSign(follow(bob), { actorUrl: bob, privateKey: fixture.keyOf('bob').privateKey });
    const res = await fixture.post(sharedInbox, 'relay', signed);
    assert.equal(res.status, 204, res.text);
    await waitFor(async () => (await followsOf(bob)) === 1, { what: 'follow of the forwarded author stored' });
    assert.equal(await followsOf(fixture.personUrl('relay')), 0, 'the forwarder is not the follower');

    // What we send carries our own RsaSignature2017 (spec §3.3), checked by an independent verifier.
    const accept = await waitFor(() => fixture.received.find((p) => p.path === '/users/bob/inbox' && p.json.type === 'Accept'), {
      what: 'Accept delivered',
    });
    const sig = accept.json.signature as { type: string; creator: string };
    assert.equal(sig.type, 'RsaSignature2017');
    assert.equal(sig.creator, `${channelUrl}#main-key`);
    const group = await a
      .anonymous()
      .request<{ publicKey: { publicKeyPem: string } }>('GET', new URL(channelUrl).pathname, { headers: AP });
    assert.equal(await ldVerify(accept.json, group.body.publicKey.publicKeyPem), true);
    const tampered = { ...accept.json, actor: fixture.personUrl('relay') };
    assert.equal(await ldVerify(tampered, group.body.publicKey.publicKeyPem), false);
  });

  it('refuses a forwarded activity changed after its author signed it', async () => {
    const carol = fixture.addPerson('carol');
    const signed = await ldSign(follow(carol), { actorUrl: carol, privateKey: fixture.keyOf('carol').privateKey });
    const res = await fixture.post(sharedInbox, 'relay', { ...signed, id: `${carol}/follows/forged` });
    assert.equal(res.status, 403, res.text);
    assert.match(res.text, /linked-data signature/);
    assert.equal(await followsOf(carol), 0);
  });

  it('refuses a forwarded activity signed with a key that is not the author key', async () => {
    const dave = fixture.addPerson('dave');
    const signed = await ldSign(follow(dave), { actorUrl: dave, privateKey: rsaKeys().privateKey });
    const res = await fixture.post(sharedInbox, 'relay', signed);
    assert.equal(res.status, 403, res.text);
    assert.equal(await followsOf(dave), 0);
  });

  it('falls back to the origin copy when a forwarded activity has no signature', async () => {
    const erin = fixture.addPerson('erin');
    const unsigned = follow(erin);
    const res = await fixture.post(sharedInbox, 'relay', unsigned);
    assert.equal(res.status, 204, res.text);
    // The origin does not serve this activity: it is fetched, found missing, and dropped.
    const path = new URL(unsigned.id).pathname;
    await waitFor(() => fixture.hits.includes(path), { what: 'forwarded activity fetched from its origin' });
    assert.equal(await followsOf(erin), 0);
  });
});

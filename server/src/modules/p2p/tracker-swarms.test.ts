import assert from 'node:assert/strict';
import { AnnounceLimiter, MAX_ANNOUNCES_PER_IP_AND_HASH } from './tracker-limits';
import { parseTrackerMessage, type AnnounceMessage } from './tracker-messages';
import { swarmPeer, TrackerSwarms, type SwarmPeer } from './tracker-swarms';

const HASH = 'abcdefghij0123456789';
const id = (n: number) => `-PM0203-peer${String(n).padStart(8, '0')}`;
const offer = { type: 'offer', sdp: 'v=0' };

function peer(): SwarmPeer & { inbox: Record<string, unknown>[] } {
  const inbox: Record<string, unknown>[] = [];
  return Object.assign(
    swarmPeer((m) => inbox.push(m as Record<string, unknown>)),
    { inbox },
  );
}

function announce(n: number, extra: Partial<AnnounceMessage> = {}): AnnounceMessage {
  return { action: 'announce', info_hash: HASH, peer_id: id(n), ...extra };
}

describe('P2P tracker swarms', () => {
  const newSwarms = () => new TrackerSwarms({ announceInterval: 120, maxOffersRelayed: 10 });

  it('answers an announce with the interval and swarm size', () => {
    const swarms = newSwarms();
    const a = peer();
    swarms.announce(a, announce(1));
    assert.deepEqual(a.inbox[0], { action: 'announce', info_hash: HASH, interval: 120, complete: 0, incomplete: 1 });
  });

  it('relays offers to other members and the answer back to the offerer only', () => {
    const swarms = newSwarms();
    const [a, b, c] = [peer(), peer(), peer()];
    swarms.announce(a, announce(1));
    swarms.announce(b, announce(2, { offers: [{ offer, offer_id: 'o1' }] }));
    const relayed = a.inbox.find((m) => m['offer']);
    assert.deepEqual(relayed, { action: 'announce', info_hash: HASH, peer_id: id(2), offer, offer_id: 'o1' });
    assert.equal(b.inbox.filter((m) => m['offer']).length, 0, 'no offer back to its sender');

    swarms.announce(a, announce(1, { to_peer_id: id(2), answer: { type: 'answer', sdp: 'v=0' }, offer_id: 'o1' }));
    assert.deepEqual(b.inbox.at(-1), {
      action: 'announce',
      info_hash: HASH,
      peer_id: id(1),
      answer: { type: 'answer', sdp: 'v=0' },
      offer_id: 'o1',
    });
    assert.equal(c.inbox.length, 0);
  });

  it('forgets a peer that stopped or disconnected', () => {
    const swarms = newSwarms();
    const [a, b] = [peer(), peer()];
    swarms.announce(a, announce(1));
    swarms.announce(b, announce(2));
    swarms.announce(a, announce(1, { event: 'stopped' }));
    assert.deepEqual(swarms.stats(), { swarms: 1, peers: 1 });
    swarms.leaveAll(b);
    assert.deepEqual(swarms.stats(), { swarms: 0, peers: 0 });
  });

  it('keeps one peer id per swarm on a socket shared by several streams', () => {
    const swarms = newSwarms();
    const a = peer();
    swarms.announce(a, announce(1));
    swarms.announce(a, { ...announce(2), info_hash: 'audio-swarm-hash-001' });
    assert.deepEqual(swarms.stats(), { swarms: 2, peers: 2 });
    // The same stream restarted with a new id replaces its old entry.
    swarms.announce(a, announce(3));
    assert.deepEqual(swarms.stats(), { swarms: 2, peers: 2 });
    swarms.leaveAll(a);
    assert.deepEqual(swarms.stats(), { swarms: 0, peers: 0 });
  });

  it('refuses a peer id that another connection uses in the swarm', () => {
    const swarms = newSwarms();
    const [a, b] = [peer(), peer()];
    swarms.announce(a, announce(1));
    swarms.announce(b, announce(1, { offers: [{ offer, offer_id: 'o1' }] }));
    assert.match(String(b.inbox.at(-1)?.['failure reason']), /in use/);
    assert.equal(a.inbox.filter((m) => m['offer']).length, 0);
  });
});

describe('P2P tracker messages and limits', () => {
  it('accepts WebTorrent announces and rejects malformed frames', () => {
    assert.equal(
      parseTrackerMessage(JSON.stringify({ action: 'announce', info_hash: HASH, peer_id: id(1), numwant: 5 }))?.action,
      'announce',
    );
    assert.equal(parseTrackerMessage('not json'), null);
    assert.equal(parseTrackerMessage(JSON.stringify({ action: 'announce', info_hash: 'short', peer_id: id(1) })), null);
    assert.equal(parseTrackerMessage(JSON.stringify({ action: 'connect' })), null);
  });

  it('rejects too many announces per IP and swarm only when asked to', () => {
    let now = 0;
    const strict = new AnnounceLimiter(true, () => now);
    const lenient = new AnnounceLimiter(false, () => now);
    for (let i = 0; i < MAX_ANNOUNCES_PER_IP_AND_HASH; i++) assert.equal(strict.check('1.2.3.4', HASH), 'ok');
    assert.equal(strict.check('1.2.3.4', HASH), 'too-many');
    assert.equal(strict.check('5.6.7.8', HASH), 'ok');
    for (let i = 0; i < 16; i++) assert.notEqual(lenient.check('1.2.3.4', HASH), 'too-many');
    now += 5 * 60_000;
    assert.equal(strict.check('1.2.3.4', HASH), 'ok', 'a new window starts over');
  });
});

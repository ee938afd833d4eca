import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';

const HASH = 'shoalswarmhash012345';
const peerId = (n: number) => `-PM0203-test${String(n).padStart(8, '0')}`;

/** A WebTorrent tracker client reduced to frames: what p2p-media-loader's tracker client sends. */
class TrackerConnection {
  readonly inbox: Record<string, unknown>[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.inbox.push(JSON.parse(String(data)) as Record<string, unknown>));
  }

  static open(url: string, origin: string | undefined): Promise<TrackerConnection> {
    return new Promise((ok, fail) => {
      const ws = new WebSocket(url, { headers: origin ? { origin } : {} });
      ws.once('open', () => ok(new TrackerConnection(ws)));
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', fail);
    });
  }

  send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }

  async next(match: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    await waitFor(() => this.inbox.some(match), { timeout: 5000, interval: 20 });
    return this.inbox.find(match)!;
  }
}

describe('P2P tracker (/tracker/socket)', () => {
  let server: TestServer;
  let socketUrl: string;
  const open: TrackerConnection[] = [];

  before(async () => {
    server = await new TestServer().start();
    socketUrl = `ws://${server.host}/tracker/socket`;
  });
  after(async () => {
    for (const c of open) c.ws.terminate();
    await server.destroy();
  });

  /** `null`: no Origin header at all (not a browser page). */
  async function connect(origin: string | null = server.url): Promise<TrackerConnection> {
    const c = await TrackerConnection.open(socketUrl, origin ?? undefined);
    open.push(c);
    return c;
  }

  it('announces P2P settings in GET /config', async () => {
    const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as {
      tracker: { enabled: boolean };
      defaults: { p2p: { webapp: { enabled: boolean }; embed: { enabled: boolean } } };
      webrtc: { stunServers: string[] };
    };
    assert.equal(config.tracker.enabled, true);
    assert.deepEqual(config.defaults.p2p, { webapp: { enabled: true }, embed: { enabled: true } });
    assert.deepEqual(config.webrtc.stunServers, []);
  });

  it('puts two players of one swarm in touch: offer relayed, answer returned', async () => {
    const a = await connect();
    const b = await connect();
    a.send({ action: 'announce', info_hash: HASH, peer_id: peerId(1), event: 'started', numwant: 5, offers: [] });
    const reply = await a.next((m) => m['interval'] !== undefined);
    assert.equal(reply['info_hash'], HASH);
    assert.equal(reply['incomplete'], 1);

    const offer = { type: 'offer', sdp: 'v=0 offer' };
    b.send({
      action: 'announce',
      info_hash: HASH,
      peer_id: peerId(2),
      event: 'started',
      numwant: 5,
      offers: [{ offer, offer_id: 'offer-1' }],
    });
    const relayed = await a.next((m) => m['offer'] !== undefined);
    assert.deepEqual(relayed, { action: 'announce', info_hash: HASH, peer_id: peerId(2), offer, offer_id: 'offer-1' });

    const answer = { type: 'answer', sdp: 'v=0 answer' };
    a.send({ action: 'announce', info_hash: HASH, peer_id: peerId(1), to_peer_id: peerId(2), answer, offer_id: 'offer-1' });
    const answered = await b.next((m) => m['answer'] !== undefined);
    assert.deepEqual(answered, { action: 'announce', info_hash: HASH, peer_id: peerId(1), answer, offer_id: 'offer-1' });
  });

  it('lets one connection join several swarms with a peer id in each (video and audio streams)', async () => {
    const c = await connect();
    c.send({ action: 'announce', info_hash: 'video-swarm-hash-001', peer_id: peerId(10), event: 'started', offers: [] });
    c.send({ action: 'announce', info_hash: 'audio-swarm-hash-001', peer_id: peerId(11), event: 'started', offers: [] });
    const replies = await waitFor(() => (c.inbox.filter((m) => m['interval'] !== undefined).length === 2 ? c.inbox : null), {
      timeout: 5000,
      interval: 20,
    });
    assert.equal(replies.filter((m) => m['failure reason']).length, 0);
  });

  it('answers malformed frames with a failure reason and keeps the connection', async () => {
    const c = await connect();
    c.send({ action: 'announce', info_hash: 'too-short', peer_id: peerId(3) });
    const failure = await c.next((m) => m['failure reason'] !== undefined);
    assert.match(String(failure['failure reason']), /invalid/);
    assert.equal(c.ws.readyState, WebSocket.OPEN);
  });

  it('refuses pages of other sites in private mode', async () => {
    await assert.rejects(connect('https://elsewhere.example'), /HTTP 403/);
    await assert.rejects(connect(null), /HTTP 403/);
  });

  it('leaves other upgrade paths to socket.io', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    assert.equal(res.status, 200);
  });
});

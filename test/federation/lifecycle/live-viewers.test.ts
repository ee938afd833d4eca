import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import { createLive } from '../../live/live-fixtures';
import { freePort, TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { channelIdOf, FEDERATION_TEST_CONFIG, followInstance } from '../objects/objects-fixtures';
import { createUser } from '../../api/api-fixtures';

/**
 * Live viewers across instances: B's viewers of A's live are reported to A (`View` with `expires`
 * and a counter), A counts them with its own and sends the total back, so both pages show it.
 */
describe('federation: live viewer counts', function () {
  this.timeout(180_000);
  let a: TestServer, b: TestServer;
  const sockets: Socket[] = [];
  let liveUuid: string;
  let idOnA: number, idOnB: number;

  /** A viewer page: subscribes to the live's room and records each `views-change`. */
  function viewer(server: TestServer, videoId: number): { socket: Socket; counts: number[] } {
    const socket = io(`${server.url}/live-videos`, { transports: ['websocket'] });
    sockets.push(socket);
    const counts: number[] = [];
    socket.on('views-change', (p: { viewers: number }) => counts.push(p.viewers));
    socket.emit('subscribe', { videoId });
    return { socket, counts };
  }

  const lastIs = (counts: number[], n: number, what: string) =>
    waitFor(() => counts.at(-1) === n, { timeout: 60_000, interval: 100, what: `${what} (seen ${counts.join(',')})` });

  before(async () => {
    const live = async () =>
      new TestServer({ configYaml: `${FEDERATION_TEST_CONFIG}live:\n  enabled: true\n  rtmp:\n    port: ${await freePort()}\n` }).start();
    [a, b] = await Promise.all([live(), live()]);
    const alice = await createUser(a);
    await followInstance(b, a);
    const created = await createLive(alice.client, { channelId: await channelIdOf(alice), name: 'Federated live', privacy: 1 });
    liveUuid = created.uuid;
    idOnA = created.id;
    // A waiting live is only listed to its owner: B's copy is looked up in B's database.
    idOnB = await waitFor(async () => (await b.sql<{ id: number }>(`SELECT id FROM videos WHERE uuid = $1`, [liveUuid]))[0]?.id, {
      timeout: 60_000,
      what: 'the live on B',
    });
  });

  after(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  it('counts B’s viewers on A and shows A’s total on B', async () => {
    const onA = viewer(a, idOnA);
    await lastIs(onA.counts, 1, 'one local viewer on A');
    const onB = viewer(b, idOnB);
    await lastIs(onA.counts, 2, 'A counts the viewer on B');
    await lastIs(onB.counts, 2, 'B shows the origin’s total');
    // The same count in the video's details (PeerTube's `viewers` field), on both instances.
    const viewersOf = async (server: TestServer, id: number) =>
      (await server.admin.expect<{ viewers: number }>(200, 'GET', `/api/v1/videos/${id}`)).viewers;
    assert.equal(await viewersOf(a, idOnA), 2);
    assert.equal(await viewersOf(b, idOnB), 2);
    // A View with a counter and an expiry reached A from B's instance actor.
    const [row] = await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actors WHERE host = $1 AND type = 'Application'`, [b.host]);
    assert.equal(row.n, 1);
  });

  it('drops B’s viewer from A’s count when it leaves', async () => {
    const onA = viewer(a, idOnA);
    await lastIs(onA.counts, 3, 'two on A, one on B');
    sockets[1].disconnect();
    await lastIs(onA.counts, 2, 'B reported 0 viewers');
  });
});

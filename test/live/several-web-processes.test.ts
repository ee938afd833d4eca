import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { VideoState } from '@shoal/models';
import { createUser, type TestUser } from '../api/api-fixtures';
import { freePort, PG_URL, TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { createLive, publishUrl, pushRtmp, waitForVideoState } from './live-fixtures';

/**
 * Two web processes of one instance (same database, Redis prefix and storage, as in
 * docs/deployment.md §6): one receives the streams, the other serves them too, and takes
 * over when the first dies.
 */
describe('Lives with several web processes', function () {
  this.timeout(180_000);
  let first: TestServer;
  let second: TestServer;
  let alice: TestUser;
  let channelId: number;
  let sharedLiveId: number;
  const encoders: ChildProcess[] = [];
  const sockets: Socket[] = [];

  /** A viewer page on one process: records the state changes and viewer counts it hears. */
  function viewer(server: TestServer, videoId: number) {
    const socket = io(`${server.url}/live-videos`, { transports: ['websocket'] });
    sockets.push(socket);
    const heard = { states: [] as number[], counts: [] as number[] };
    socket.on('state-change', (p: { state: number }) => heard.states.push(p.state));
    socket.on('views-change', (p: { viewers: number }) => heard.counts.push(p.viewers));
    socket.emit('subscribe', { videoId });
    return heard;
  }

  before(async () => {
    const configYaml = `live:\n  enabled: true\n  max_user_lives: -1\n  rtmp:\n    port: ${await freePort()}\n`;
    first = await new TestServer({ configYaml }).start();
    second = await new TestServer({
      configYaml,
      env: {
        PT_DATABASE_URL: `${PG_URL}/${first.dbName}`,
        PT_REDIS_PREFIX: first.redisPrefix,
        PT_STORAGE_DIR: first.storageDir,
        // Same public URL: the second process is the same instance behind the same proxy.
        PT_PORT: String(first.port),
      },
    }).start();
    alice = await createUser(first);
    channelId = (await alice.client.me()).videoChannels[0].id;
  });

  after(async () => {
    for (const e of encoders) e.kill('SIGKILL');
    for (const socket of sockets) socket.disconnect();
    await second?.destroy();
    await first?.destroy();
  });

  it('keeps the first process’s live running when a second starts, and serves it from both', async () => {
    const live = await createLive(alice.client, { channelId, name: 'Shared live' });
    sharedLiveId = live.id;
    const onFirst = viewer(first, live.id);
    const onSecond = viewer(second, live.id);
    // Viewers on both processes count for the instance, shown the same everywhere.
    const lastIs = (counts: number[], n: number, what: string) =>
      waitFor(() => counts.at(-1) === n, { timeout: 20_000, interval: 100, what: `${what} (heard ${counts.join(',')})` });
    await lastIs(onFirst.counts, 2, 'two viewers heard on the first process');
    await lastIs(onSecond.counts, 2, 'two viewers heard on the second process');
    encoders.push(pushRtmp(await publishUrl(alice.client, live.id), { seconds: 90, height: 144 }));
    await waitForVideoState(alice.client, live.id, VideoState.PUBLISHED);
    // The first process receives the stream; the viewer on the second hears the state change too.
    await waitFor(() => onSecond.states.includes(VideoState.PUBLISHED), {
      timeout: 20_000,
      what: 'state-change heard on the second process',
    });
    assert.equal((await second.anonymous().expect<{ viewers: number }>(200, 'GET', `/api/v1/videos/${live.uuid}`)).viewers, 2);
    sockets[1]!.disconnect();
    await lastIs(onFirst.counts, 1, 'the viewer on the second process left');
    await second.restart();
    // The restart of the second process did not end the live the first one receives.
    const video = await second.anonymous().expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${live.uuid}`);
    assert.equal(video.state.id, VideoState.PUBLISHED);
    const playlist = await waitFor(
      async () => {
        const res = await fetch(`${second.url}/static/streaming-playlists/hls/${live.uuid}/0.m3u8`);
        return res.status === 200 ? res : null;
      },
      { timeout: 20_000, what: 'the live playlist from the second process' },
    );
    assert.equal(playlist.headers.get('cache-control'), 'no-cache');
    assert.match(await playlist.text(), /^#EXTM3U/);
  });

  it('lets the second process receive streams once the first died, ending what it left open', async () => {
    await first.kill();
    const viaSecond = second.anonymous();
    await waitFor(
      async () =>
        (await viaSecond.expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${sharedLiveId}`)).state.id ===
        VideoState.LIVE_ENDED,
      { timeout: 40_000, interval: 500, what: 'the orphan session ended by the second process' },
    );
    const again = await second.admin.as(alice.username, alice.password);
    const live = await createLive(again, { channelId, name: 'After the takeover' });
    encoders.push(pushRtmp(await publishUrl(again, live.id), { seconds: 60, height: 144 }));
    await waitForVideoState(again, live.id, VideoState.PUBLISHED);
  });
});

import assert from 'node:assert/strict';
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RunnerApiError, RunnerClient } from '@shoal/api-client';
import { LiveVideoError, VideoState, type AcceptedRunnerJob } from '@shoal/models';
import { createUser, type TestUser } from '../api/api-fixtures';
import { RunnerProcess } from '../runners/runner-process';
import type { AdminJob } from '../runners/runner-config';
import { freePort, TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import {
  createLive,
  mediaSequence,
  probeStreams,
  publishUrl,
  pushRtmp,
  videoOf,
  waitForSessionsProcessed,
  waitForVideoState,
} from './live-fixtures';

const exec = promisify(execFile);

/** Number of the newest segment a media playlist lists, -1 when none (or no playlist). */
async function newestSegment(url: string): Promise<number> {
  const res = await fetch(url);
  if (res.status !== 200) return -1;
  return Math.max(-1, ...[...(await res.text()).matchAll(/-(\d+)\.ts$/gm)].map((m) => Number(m[1])));
}
const LIVE_JOB = 'live-rtmp-hls-transcoding';

describe('Lives transcoded by remote runners', function () {
  this.timeout(180_000);
  let server: TestServer;
  let alice: TestUser;
  let channelId: number;
  const encoders: ChildProcess[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'shoal-runner-live-'));

  const push = async (liveId: number, seconds: number) => {
    const child = pushRtmp(await publishUrl(alice.client, liveId), { seconds, height: 240 });
    encoders.push(child);
    return child;
  };
  const hlsUrl = (uuid: string, file: string) => `${server.url}/static/streaming-playlists/hls/${uuid}/${file}`;
  const liveJobs = async () => {
    const list = await server.admin.api<{ data: AdminJob[] }>('GET', '/runners/jobs', { query: { count: 100, sort: 'createdAt' } });
    return list.body.data.filter((j) => j.type === LIVE_JOB);
  };

  before(async () => {
    const rtmpPort = await freePort();
    server = await new TestServer({
      configYaml: `
live:
  enabled: true
  max_user_lives: -1
  reconnect_grace_period: '4 seconds'
  rtmp:
    port: ${rtmpPort}
  latency:
    default:
      segment_duration: 2
      list_size: 5
  transcoding:
    remote_runners:
      enabled: true
remote_runners:
  stalled_jobs:
    live: '15 seconds'
`,
    }).start();
    alice = await createUser(server);
    channelId = (await alice.client.me()).videoChannels[0].id;
  });

  after(async () => {
    for (const e of encoders) e.kill('SIGKILL');
    await server?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  describe('protocol (a hand-driven runner)', () => {
    let client: RunnerClient;
    let runnerToken: string;

    before(async () => {
      await server.admin.api('POST', '/runners/registration-tokens/generate');
      const list = await server.admin.api<{ data: Array<{ registrationToken: string }> }>('GET', '/runners/registration-tokens');
      client = new RunnerClient(server.url);
      ({ runnerToken } = await client.register({ registrationToken: list.body.data[0]!.registrationToken, name: 'hand-runner' }));
    });

    it('offers PeerTube’s live payload, writes valid chunks, refuses bad names and ends the live on a runner error', async () => {
      const live = await createLive(alice.client, { channelId, name: 'Hand-made live' });
      await push(live.id, 60);
      const available = await waitFor(async () => (await client.request(runnerToken, [LIVE_JOB])).find((j) => j.type === LIVE_JOB), {
        timeout: 30_000,
        what: 'a live job offered',
      });
      const payload = available.payload as { input: { rtmpUrl: string }; output: Record<string, unknown> };
      assert.match(payload.input.rtmpUrl, /^rtmp:\/\/127\.0\.0\.1:\d+\/live\/[0-9a-f]{32}$/);
      assert.deepEqual(payload.output, {
        toTranscode: [
          { resolution: 144, fps: 25 },
          { resolution: 240, fps: 25 },
          { resolution: 0, fps: 0 },
        ],
        segmentDuration: 2,
        segmentListSize: 5,
      });
      // A PeerTube runner (no type list) is offered lives too.
      assert.ok((await client.request(runnerToken)).some((j) => j.uuid === available.uuid));
      const job: AcceptedRunnerJob = await client.accept(available.uuid, runnerToken);
      const tokens = { runnerToken, jobToken: job.jobToken };

      const chunk = join(scratch, 'chunk.ts');
      writeFileSync(chunk, Buffer.alloc(188 * 10, 0x47));
      const playlist = join(scratch, 'playlist.m3u8');
      writeFileSync(
        playlist,
        '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.000000,\n0-000000.ts\n',
      );
      const evil = join(scratch, 'evil.m3u8');
      writeFileSync(evil, '#EXTM3U\n#EXTINF:2.000000,\nhttps://evil.example/0-000000.ts\n');
      const master = join(scratch, 'master.m3u8');
      writeFileSync(master, '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000,RESOLUTION=256x144\n0.m3u8\n');

      const refused = async (p: Record<string, string>, files: Record<string, string>, what: string) => {
        const err = await client.update(job.uuid, tokens, undefined, p, files).then(
          () => null,
          (e: unknown) => e,
        );
        assert.ok(err instanceof RunnerApiError && err.status === 400, `${what}: ${String(err)}`);
      };
      const add = { type: 'add-chunk', videoChunkFilename: '0-000000.ts' };
      await refused({ ...add, videoChunkFilename: '../../../x.ts' }, { 'payload[videoChunkFile]': chunk }, 'traversal in chunk name');
      await refused({ ...add, videoChunkFilename: '7-000000.ts' }, { 'payload[videoChunkFile]': chunk }, 'rendition not asked for');
      await refused(
        { ...add, resolutionPlaylistFilename: '../0.m3u8' },
        { 'payload[videoChunkFile]': chunk, 'payload[resolutionPlaylistFile]': playlist },
        'traversal in playlist name',
      );
      await refused(
        { ...add, resolutionPlaylistFilename: '0.m3u8' },
        { 'payload[videoChunkFile]': chunk, 'payload[resolutionPlaylistFile]': evil },
        'foreign URI in the playlist',
      );
      await refused({ ...add, type: 'drop-everything' }, { 'payload[videoChunkFile]': chunk }, 'unknown type');
      await refused(add, {}, 'add-chunk without a chunk');

      await client.update(
        job.uuid,
        tokens,
        undefined,
        { ...add, resolutionPlaylistFilename: '0.m3u8' },
        {
          'payload[videoChunkFile]': chunk,
          'payload[resolutionPlaylistFile]': playlist,
          'payload[masterPlaylistFile]': master,
        },
      );
      const served = await fetch(hlsUrl(live.uuid, '0-000000.ts'));
      assert.equal(served.status, 200);
      assert.equal((await served.arrayBuffer()).byteLength, 1880);
      assert.match(await (await fetch(hlsUrl(live.uuid, '0.m3u8'))).text(), /^0-000000\.ts$/m);
      assert.match(await (await fetch(hlsUrl(live.uuid, 'master.m3u8'))).text(), /^0\.m3u8$/m);
      await client.update(job.uuid, tokens, undefined, { type: 'remove-chunk', videoChunkFilename: '0-000000.ts' });
      // Segments are served from memory for up to a second after their last check on disk.
      await waitFor(async () => (await fetch(hlsUrl(live.uuid, '0-000000.ts'))).status === 404, { what: 'the removed chunk gone' });

      await client.error(job.uuid, tokens, 'ffmpeg exploded');
      const sessions = await waitForSessionsProcessed(alice.client, live.id, 1);
      assert.equal(sessions[0]!.error, LiveVideoError.RUNNER_JOB_ERROR);
      const [row] = (await liveJobs()).filter((j) => j.uuid === job.uuid);
      assert.equal(row!.state.id, 4);
      assert.equal(row!.error, 'ffmpeg exploded');
      // The token is gone with the job: a runner still sending gets a 404 and stops.
      const late = await client.update(job.uuid, tokens, undefined, add, { 'payload[videoChunkFile]': chunk }).catch((e: unknown) => e);
      assert.ok(late instanceof RunnerApiError && late.status === 404);
    });

    it('cancels a live job a server restart left open, so its runner stops', async () => {
      const live = await createLive(alice.client, { channelId, name: 'Live cut by a restart' });
      await push(live.id, 60);
      const available = await waitFor(
        async () => (await client.request(runnerToken, [LIVE_JOB])).find((j) => j.type === LIVE_JOB && j.uuid !== undefined),
        { timeout: 30_000, what: 'a live job offered' },
      );
      const job = await client.accept(available.uuid, runnerToken);
      await server.restart();
      const [row] = (await liveJobs()).filter((j) => j.uuid === job.uuid);
      assert.equal(row!.state.id, 6, 'cancelled at boot');
      const late = await client
        .update(job.uuid, { runnerToken, jobToken: job.jobToken }, undefined, { type: 'add-chunk', videoChunkFilename: '0-000000.ts' })
        .catch((e: unknown) => e);
      assert.ok(late instanceof RunnerApiError && late.status === 404, String(late));
      assert.equal((await client.request(runnerToken, [LIVE_JOB])).length, 0);
      await client.unregister(runnerToken);
    });
  });

  describe('with a running shoal-runner', () => {
    const runner = new RunnerProcess('live');

    before(async () => {
      runner.writeConfig({ threads: 1 });
      await runner.register(server, 'live-runner');
      // Its own process group: the last test kills it with its ffmpeg, as a machine dying.
      await runner.start({ detached: true });
    });
    after(async () => {
      if (process.env.TEST_RUNNER_LOGS) process.stderr.write(runner.output);
      await runner.cleanup();
    });

    it('makes the live playable from the runner’s chunks, continues after a reconnection, then ends cleanly', async () => {
      const live = await createLive(alice.client, { channelId, name: 'Runner live' });
      const encoder = await push(live.id, 90);
      const started = Date.now();
      await waitForVideoState(alice.client, live.id, VideoState.PUBLISHED, 60_000);
      const playableMs = Date.now() - started;
      const [job] = (await liveJobs()).filter((j) => j.privatePayload.videoId === live.id);
      assert.equal(job!.state.id, 2);
      assert.equal(job!.runner?.name, 'live-runner');
      // Nothing transcodes this live on the server itself.
      await assert.rejects(exec('pgrep', ['-f', `hls/${live.uuid}/%v`]));

      assert.deepEqual([...new Set(await probeStreams(hlsUrl(live.uuid, 'master.m3u8')))], ['audio', 'video']);
      const master = await (await fetch(hlsUrl(live.uuid, 'master.m3u8'))).text();
      assert.deepEqual(master.match(/^\d\.m3u8$/gm), ['0.m3u8', '1.m3u8'], master);
      const first = await mediaSequence(hlsUrl(live.uuid, '1.m3u8'));
      await waitFor(async () => (await mediaSequence(hlsUrl(live.uuid, '1.m3u8'))) >= first + 3, {
        timeout: 30_000,
        what: 'the runner’s window advancing',
      });
      const hashes = (await (await fetch(hlsUrl(live.uuid, 'segments-sha256.json'))).json()) as Record<string, string>;
      assert.ok(Object.keys(hashes).some((name) => /^1-\d{6}\.ts$/.test(name)));
      process.stdout.write(`      publish → playable via runner: ${playableMs} ms\n`);

      // The encoder drops and comes back within the grace period: a new job, numbering continues.
      encoder.kill('SIGINT');
      const ended = await waitFor(async () => (await liveJobs()).find((j) => j.uuid === job!.uuid && [3, 6].includes(j.state.id)), {
        timeout: 20_000,
        what: 'the live job over',
      });
      assert.equal(ended.state.id, 3, 'the runner reported success once the feed ended');
      const lastBefore = await newestSegment(hlsUrl(live.uuid, '1.m3u8'));
      const again = await push(live.id, 60);
      await waitFor(async () => (await newestSegment(hlsUrl(live.uuid, '1.m3u8'))) > lastBefore + 1, {
        timeout: 40_000,
        what: 'segments of the second job after the old ones',
      });
      assert.equal((await videoOf(alice.client, live.id)).state.id, VideoState.PUBLISHED);
      assert.equal((await liveJobs()).filter((j) => j.privatePayload.videoId === live.id).length, 2);

      again.kill('SIGINT');
      const sessions = await waitForSessionsProcessed(alice.client, live.id, 1);
      assert.equal(sessions[0]!.error, null);
      await waitFor(async () => (await liveJobs()).filter((j) => j.privatePayload.videoId === live.id).every((j) => j.state.id === 3), {
        timeout: 20_000,
        what: 'both jobs of the live completed',
      });
      assert.equal((await fetch(hlsUrl(live.uuid, 'master.m3u8'))).status, 404);
      await waitFor(() => runner.output.match(/job done/g)?.length === 2, { timeout: 10_000, what: 'runner done twice' });
      assert.doesNotMatch(runner.output, /job failed/);
    });

    it('ends the live with a runner error when its runner dies', async () => {
      const live = await createLive(alice.client, { channelId, name: 'Runner dies' });
      await push(live.id, 90);
      await waitForVideoState(alice.client, live.id, VideoState.PUBLISHED, 60_000);
      await runner.killGroup();
      // No more updates: the watchdog fails the job after remote_runners.stalled_jobs.live (15 s here).
      const sessions = await waitForSessionsProcessed(alice.client, live.id, 1, 90_000);
      assert.equal(sessions[0]!.error, LiveVideoError.RUNNER_JOB_ERROR);
      const [job] = (await liveJobs()).filter((j) => j.privatePayload.videoId === live.id);
      assert.equal(job!.state.id, 4);
      assert.match(job!.error ?? '', /stalled/);
      assert.equal((await fetch(hlsUrl(live.uuid, 'master.m3u8'))).status, 404);
    });
  });
});

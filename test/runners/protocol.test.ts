import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerApiError, RunnerClient, uploadResumable, type ShoalClient } from '@shoal/api-client';
import { buildHlsLadderArgs, probeFile, runFfmpeg, type Rendition } from '@shoal/ffmpeg';
import type { AcceptedRunnerJob, VodHlsLadderPayload, VodHlsPayload } from '@shoal/models';
import { makeClip } from '../shared/media';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { waitForState } from '../videos/published';
import { RUNNERS_CONFIG, type AdminJob } from './runner-config';

const LADDER = 'vod-hls-ladder-transcoding';
const PEERTUBE_TYPES = ['vod-web-video-transcoding', 'vod-hls-transcoding', 'vod-audio-merge-transcoding'];

/** Expects a RunnerApiError with this status (and code). */
async function refused(call: Promise<unknown>, status: number, code?: string): Promise<RunnerApiError> {
  const err = await call.then(
    () => assert.fail(`expected ${status}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof RunnerApiError, String(err));
  assert.equal(err.status, status, err.message);
  if (code) assert.equal(err.code, code);
  return err;
}

describe('runner protocol (simulated runners over plain HTTP)', function () {
  this.timeout(120_000);
  let server: TestServer;
  let owner: ShoalClient;
  let channelId: number;
  let api: RunnerClient;
  let tokenA: string;
  let tokenB: string;
  const scratch = mkdtempSync(join(tmpdir(), 'shoal-runner-protocol-'));

  const upload = async (name: string) => {
    const res = await uploadResumable(owner, await makeClip(), { channelId, name, privacy: 1 });
    assert.equal(res.status, 200, res.text);
    return res.body.video;
  };
  const adminJobs = async () => (await server.admin.api<{ data: AdminJob[] }>('GET', '/runners/jobs', { query: { count: 100 } })).body.data;
  const jobsOfVideo = async (videoId: number) => (await adminJobs()).filter((j) => j.privatePayload.videoId === videoId);
  /** Takes the pending job of a video, as runner `token` advertising `types`. */
  const take = async (token: string, videoId: number, types?: string[]): Promise<AcceptedRunnerJob> => {
    const available = await waitFor(
      async () => {
        const wanted = new Set((await jobsOfVideo(videoId)).map((j) => j.uuid));
        return (await api.request(token, types)).find((j) => wanted.has(j.uuid));
      },
      { what: 'an available job' },
    );
    return api.accept(available.uuid, token);
  };

  before(async () => {
    server = await new TestServer({ configYaml: RUNNERS_CONFIG }).start();
    await server.admin.createUser({ username: 'creator', password: 'creator-password', email: 'c@example.com', role: 2, videoQuota: -1 });
    owner = await server.anonymous().as('creator', 'creator-password');
    channelId = (await owner.me()).videoChannels[0].id;
    await server.admin.api('POST', '/runners/registration-tokens/generate');
    const list = await server.admin.api<{ data: Array<{ registrationToken: string }> }>('GET', '/runners/registration-tokens');
    const registrationToken = list.body.data[0]!.registrationToken;
    api = new RunnerClient(server.url);
    tokenA = (await api.register({ registrationToken, name: 'runner-a' })).runnerToken;
    tokenB = (await api.register({ registrationToken, name: 'runner-b', version: '0.4.0' })).runnerToken;
  });
  after(async () => {
    await server?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses an unknown runner token with 404 unknown_runner_token', async () => {
    await refused(api.request('ptrt-not-a-runner'), 404, 'unknown_runner_token');
    await refused(api.unregister('ptrt-not-a-runner'), 404, 'unknown_runner_token');
    const bad = await fetch(`${server.url}/api/v1/runners/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ registrationToken: 'ptrrt-nope', name: 'x' }),
    });
    assert.equal(bad.status, 404);
  });

  it('keeps runner B away from the job runner A holds', async () => {
    const video = await upload('held by A');
    const job = await take(tokenA, video.id, [LADDER]);
    const asB = { runnerToken: tokenB, jobToken: job.jobToken };
    await refused(api.update(job.uuid, asB, 10), 404);
    await refused(api.success(job.uuid, asB, {}), 404);
    await refused(api.error(job.uuid, asB, 'not mine'), 404);
    const input = (job.payload as VodHlsLadderPayload).input.videoFileUrl;
    await refused(api.download(input, asB, join(scratch, 'stolen')), 404);
    // The holder itself may download and update.
    const asA = { runnerToken: tokenA, jobToken: job.jobToken };
    await api.download(input, asA, join(scratch, 'mine'));
    assert.ok((await probeFile(join(scratch, 'mine'))).hasVideo);
    await api.update(job.uuid, asA, 50);
    await api.abort(job.uuid, asA, 'test done');
  });

  it('refuses a missing, wrongly sized or non-video result and retries the job', async () => {
    const video = await upload('bad results');
    const attempt = async (files: (payload: VodHlsLadderPayload) => Record<string, string>, expected: RegExp) => {
      const job = await take(tokenA, video.id, [LADDER]);
      const tokens = { runnerToken: tokenA, jobToken: job.jobToken };
      const err = await refused(api.success(job.uuid, tokens, files(job.payload as VodHlsLadderPayload)), 400);
      assert.match(err.message, expected);
      const [row] = await jobsOfVideo(video.id);
      assert.equal(row!.state.id, 1, 'back to pending');
      return row!;
    };
    await attempt(() => ({}), /Missing file/);
    const playlist = join(scratch, 'fake.m3u8');
    writeFileSync(playlist, '#EXTM3U\n#EXT-X-MAP:URI="a.mp4"\n#EXT-X-BYTERANGE:10@0\na.mp4\n');
    const notVideo = join(scratch, 'not-a-video.mp4');
    writeFileSync(notVideo, 'hello, I am not a video');
    const both = (media: string) => (p: VodHlsLadderPayload) =>
      Object.fromEntries(
        p.output.renditions.flatMap((_, i) => [
          [`payload[renditions][${i}][videoFile]`, media],
          [`payload[renditions][${i}][resolutionPlaylistFile]`, playlist],
        ]),
      );
    await attempt(both(notVideo), /not a readable media file/);
    // The 320x240 source itself, sent as every rung: 144p is the wrong size.
    const row = await attempt(both(await makeClip()), /not 144p|not \d+x144/);
    assert.equal(row.failures, 3);
    assert.equal((await owner.api<{ state: { id: number } }>('GET', `/videos/${video.uuid}`)).body.state.id, 2);
  });

  it('fails the video after five errors and shows the admin why', async () => {
    const video = await upload('five errors');
    for (let i = 1; i <= 5; i++) {
      const job = await take(tokenA, video.id, [LADDER]);
      await api.error(job.uuid, { runnerToken: tokenA, jobToken: job.jobToken }, `ffmpeg exploded #${i}`);
    }
    const details = await waitForState(owner, video.uuid, [7]);
    assert.match(details.transcodingError ?? '', /ffmpeg exploded #5/);
    const [job] = await jobsOfVideo(video.id);
    assert.equal(job!.state.id, 4);
    assert.equal(job!.failures, 5);
    assert.equal(job!.error, 'ffmpeg exploded #5');
  });

  it('refuses to transcode again (409) while a runner holds the video', async () => {
    const video = await upload('held by a runner');
    await take(tokenA, video.id, [LADDER]);
    const res = await server.admin.api('POST', `/videos/${video.uuid}/transcoding`, {
      json: { transcodingType: 'hls', forceTranscoding: true },
    });
    assert.equal(res.status, 409, res.text);
  });

  it('cancels the jobs of a deleted video; its runner then gets 404', async () => {
    const video = await upload('deleted');
    const job = await take(tokenA, video.id, [LADDER]);
    assert.equal((await owner.api('DELETE', `/videos/${video.uuid}`)).status, 204);
    const [row] = await jobsOfVideo(video.id);
    assert.equal(row!.state.id, 6);
    await refused(api.update(job.uuid, { runnerToken: tokenA, jobToken: job.jobToken }, 20), 404);
  });

  it('gives a PeerTube-style runner per-rendition jobs and publishes their results', async () => {
    const video = await upload('peertube runner');
    await waitFor(async () => (await jobsOfVideo(video.id)).length > 0, { what: 'runner jobs' });
    // No jobTypes at all, as PeerTube's runner sends by default.
    const available = await api.request(tokenB);
    assert.ok(available.every((j) => PEERTUBE_TYPES.includes(j.type)));
    const mine = (await jobsOfVideo(video.id)).filter((j) => j.state.id === 1);
    assert.deepEqual(mine.map((j) => j.type).sort(), ['vod-hls-transcoding', 'vod-hls-transcoding']);
    for (const row of mine) {
      const job = await api.accept(row.uuid, tokenB);
      const tokens = { runnerToken: tokenB, jobToken: job.jobToken };
      const payload = job.payload as VodHlsPayload;
      const input = join(scratch, `${job.uuid}-input`);
      await api.download(payload.input.videoFileUrl, tokens, input);
      const out = await encodeRendition(input, payload.output.resolution, join(scratch, job.uuid));
      await api.update(job.uuid, tokens, 100);
      await api.success(job.uuid, tokens, { 'payload[videoFile]': out.mediaPath, 'payload[resolutionPlaylistFile]': out.playlistPath });
    }
    const details = (await waitForState(owner, video.uuid, [1])) as unknown as {
      streamingPlaylists: Array<{ files: Array<{ height: number }> }>;
    };
    assert.deepEqual(
      details.streamingPlaylists[0]!.files.map((f) => f.height).sort((a, b) => a - b),
      [144, 240],
    );
  });
});

/** What PeerTube's runner would produce for one rendition: single-file fMP4 + byte-range playlist. */
async function encodeRendition(inputPath: string, resolution: number, outputDir: string) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(outputDir, { recursive: true });
  const probe = await probeFile(inputPath);
  const width = Math.round((resolution * probe.width) / probe.height / 2) * 2;
  const rendition: Rendition = {
    resolution,
    width,
    height: resolution,
    fps: 25,
    videoBitrate: 300_000,
    audioBitrate: 64_000,
    fromStillImage: false,
  };
  const { args, outputs } = buildHlsLadderArgs({ inputPath, outputDir, renditions: [rendition], baseName: () => `runner-${resolution}` });
  await runFfmpeg(args);
  return outputs[0]!;
}

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { uploadLegacy, type ShoalClient } from '@shoal/api-client';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { checkSegmentHashes, ffprobeStreams, makeFaststartClip, makeTruncatedClip } from './hls-check';

interface FileView {
  resolution: { id: number };
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
  hasVideo: boolean;
  fileUrl: string;
  playlistUrl: string;
}
interface Details {
  id: number;
  state: { id: number };
  duration: number;
  aspectRatio: number | null;
  publishedAt: string;
  thumbnailPath: string | null;
  previewPath: string | null;
  transcodingError?: string | null;
  streamingPlaylists: Array<{ playlistUrl: string; segmentsSha256Url: string; files: FileView[] }>;
}

// Short lock: a killed server's job comes back within seconds instead of a minute;
// short shutdown wait: a stop interrupts a running transcode instead of waiting for it.
const CONFIG = 'transcoding:\n  concurrency: 2\n  job_lock_duration: 4 seconds\njobs:\n  shutdown_timeout: 1 second\n';

describe('VOD transcoding', function () {
  this.timeout(120_000);
  let server: TestServer;
  let owner: ShoalClient;
  let channelId: number;
  const scratch = mkdtempSync(join(tmpdir(), 'shoal-transcoding-'));
  const uploads: Record<'video' | 'audio' | 'corrupt', Promise<number>> = {} as never;

  const details = (id: number, client: ShoalClient = owner) => client.expect<Details>(200, 'GET', `/api/v1/videos/${id}`);
  const upload = async (path: string, name: string) => {
    const res = await uploadLegacy(owner, path, { channelId, name, privacy: 1 });
    assert.equal(res.status, 200, res.text);
    return res.body.video.id;
  };
  const waitState = (id: number, state: number, timeout = 60_000) =>
    waitFor(async () => ((await details(id)).state.id === state ? details(id) : null), { timeout, interval: 200, what: `state ${state}` });

  before(async () => {
    server = await new TestServer({ configYaml: CONFIG }).start();
    await server.admin.createUser({ username: 'creator', password: 'creator-password', email: 'c@example.com', role: 2, videoQuota: -1 });
    owner = await server.anonymous().as('creator', 'creator-password');
    channelId = (await owner.me()).videoChannels[0].id;
    // Uploads start at once; their transcodes run while the first tests wait.
    uploads.video = makeClip({ seconds: 4, width: 640, height: 360 }).then((p) => upload(p, '360p source'));
    uploads.audio = makeClip({ seconds: 4, audioOnly: true }).then((p) => upload(p, 'audio source'));
    uploads.corrupt = makeFaststartClip(join(scratch, 'whole.mp4'), 4)
      .then((p) => makeTruncatedClip(p, join(scratch, 'truncated.mp4')))
      .then((p) => upload(p, 'truncated source'));
  });
  after(async () => {
    await server?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('publishes an upload with one rendition per rung, never above the source', async () => {
    const video = await waitState(await uploads.video, 1);
    const files = video.streamingPlaylists[0].files;
    assert.deepEqual(
      files.map((f) => [f.resolution.id, f.width, f.height, f.fps]),
      [
        [144, 256, 144, 25],
        [240, 426, 240, 25],
        [360, 640, 360, 25],
      ],
    );
    assert.ok(files.every((f) => f.hasAudio && f.hasVideo));
    assert.equal(video.duration, 4);
    assert.equal(video.aspectRatio, 1.7778);
    assert.equal(video.transcodingError, null);
    const image = (path: string | null) => sharp(join(server.storageDir, path!.replace('/lazy-static/', ''))).metadata();
    assert.deepEqual((({ width, height }) => ({ width, height }))(await image(video.thumbnailPath)), { width: 280, height: 157 });
    assert.deepEqual((({ width, height }) => ({ width, height }))(await image(video.previewPath)), { width: 850, height: 480 });
  });

  it('serves a master playlist and rendition playlists that ffprobe reads over HTTP', async () => {
    const playlist = (await details(await uploads.video)).streamingPlaylists[0];
    assert.match(basename(playlist.playlistUrl), /^[0-9a-f-]{36}-master\.m3u8$/);
    const master = await ffprobeStreams(playlist.playlistUrl);
    const heights = master.filter((s) => s.codec_type === 'video').map((s) => s.height);
    assert.deepEqual([...new Set(heights)].sort(), [144, 240, 360]);
    for (const file of playlist.files) {
      const streams = await ffprobeStreams(file.playlistUrl);
      assert.deepEqual(
        streams.map((s) => [s.codec_type, s.codec_name, s.height]),
        [
          ['video', 'h264', file.height],
          ['audio', 'aac', undefined],
        ],
      );
    }
  });

  it('lists every segment in the SHA-256 JSON with the hash of its bytes', async () => {
    const playlist = (await details(await uploads.video)).streamingPlaylists[0];
    assert.match(basename(playlist.segmentsSha256Url), /^[0-9a-f-]{36}-segments-sha256\.json$/);
    const checked = await checkSegmentHashes(
      playlist.segmentsSha256Url,
      playlist.files.map((f) => f.playlistUrl),
    );
    assert.ok(checked >= 3);
  });

  it('turns an audio upload into a playable video with an audio-only rendition', async () => {
    const video = await waitState(await uploads.audio, 1);
    const files = video.streamingPlaylists[0].files;
    assert.deepEqual(
      files.map((f) => [f.resolution.id, f.hasVideo, f.hasAudio]),
      [
        [0, false, true],
        [480, true, true],
      ],
    );
    assert.equal(video.aspectRatio, 1.7792, '854x480');
    const master = await ffprobeStreams(video.streamingPlaylists[0].playlistUrl);
    assert.ok(master.some((s) => s.codec_type === 'video' && s.height === 480));
    assert.ok(master.some((s) => s.codec_type === 'audio'));
    const audio = await ffprobeStreams(files[0].playlistUrl);
    assert.deepEqual(
      audio.map((s) => s.codec_type),
      ['audio'],
    );
    assert.ok(video.thumbnailPath && video.previewPath);
  });

  it('marks an upload ffmpeg cannot decode as failed and keeps its original', async () => {
    const id = await uploads.corrupt;
    const video = await waitState(id, 7);
    assert.match(video.transcodingError!, /^Transcoding failed: ffmpeg exited with code \d+:\n/);
    assert.ok(!video.transcodingError!.includes(server.storageDir), 'no server path in the message');
    assert.deepEqual(video.streamingPlaylists, []);
    const [source] = await server.sql<{ keep_filename: string }>('SELECT keep_filename FROM video_sources WHERE video_id = $1', [id]);
    assert.ok(existsSync(join(server.storageDir, 'original-video-files', source.keep_filename)), 'the original is kept');
    const scratchDirs = readdirSync(join(server.storageDir, 'tmp/transcoding')).filter((d) => d.startsWith(`${id}-`));
    assert.deepEqual(scratchDirs, [], 'no scratch folder left');
    const anonymous = await server.anonymous().api('GET', `/api/v1/videos/${id}`);
    assert.notEqual(anonymous.status, 200, 'hidden from others');
  });

  it('lets the owner retry a failed video, once at a time', async () => {
    const id = await uploads.corrupt;
    await waitState(id, 7);
    const retry = (client: ShoalClient) => client.api('POST', `/videos/${id}/transcoding`, { json: { transcodingType: 'hls' } });
    const stranger = await server.admin.createUser({
      username: 'stranger',
      password: 'stranger-password',
      email: 's@example.com',
      role: 2,
    });
    assert.ok(stranger);
    assertProblem(await retry(await server.anonymous().as('stranger', 'stranger-password')), 403);
    assert.equal((await retry(owner)).status, 204);
    assertProblem(await retry(server.admin), 409, 'video_already_being_transcoded');
    const again = await waitState(id, 7);
    assert.match(again.transcodingError!, /ffmpeg exited/);
  });

  it('lets an admin transcode a published video again, replacing its files', async () => {
    const id = await uploads.video;
    const before = await details(id);
    const run = (client: ShoalClient, body: object) => client.api('POST', `/videos/${id}/transcoding`, { json: body });
    assertProblem(await run(owner, { transcodingType: 'hls' }), 403);
    assertProblem(await run(server.admin, { transcodingType: 'web-video' }), 400);
    assertProblem(await run(server.admin, { transcodingType: 'dash' }), 400);
    assert.equal((await run(server.admin, { transcodingType: 'hls' })).status, 204);
    const after = await waitFor(
      async () => {
        const d = await details(id);
        return d.streamingPlaylists[0]?.playlistUrl !== before.streamingPlaylists[0].playlistUrl ? d : null;
      },
      { timeout: 60_000, what: 'new renditions' },
    );
    assert.equal(after.state.id, 1);
    assert.equal(after.publishedAt, before.publishedAt);
    assert.equal((await fetch(before.streamingPlaylists[0].playlistUrl)).status, 404);
    assert.equal((await fetch(before.streamingPlaylists[0].files[0].fileUrl)).status, 404);
    assert.equal((await fetch(after.streamingPlaylists[0].playlistUrl)).status, 200);
  });

  it('exposes the transcoding settings in GET /config', async () => {
    const config = await server
      .anonymous()
      .expect<{ transcoding: unknown; video: { file: { extensions: string[] } } }>(200, 'GET', '/api/v1/config');
    assert.deepEqual(config.transcoding, {
      hls: { enabled: true },
      web_videos: { enabled: false },
      enabledResolutions: [144, 240],
      profile: 'default',
      availableProfiles: ['default'],
      remoteRunners: { enabled: false },
    });
    assert.ok(config.video.file.extensions.includes('.mp4'));
    assert.ok(config.video.file.extensions.includes('.m4a'));
  });

  type ActiveJobs = { data: Array<{ id: string; data: { videoId: number }; progress: number }> };
  const waitRunning = (id: number) =>
    waitFor(
      async () => {
        const query = { jobType: 'transcode-video' };
        const res = await server.admin.expect<ActiveJobs>(200, 'GET', '/api/v1/jobs/active', { query });
        return res.data.find((j) => j.data.videoId === id && j.progress > 0);
      },
      { interval: 50, timeout: 60_000, what: 'a running transcode' },
    );
  const restart = async () => {
    // The harness would otherwise find the previous run's "listening" line at once.
    server.output = '';
    await server.start();
    owner = await server.anonymous().as('creator', 'creator-password');
  };

  it('resumes a transcode cut short by a graceful stop, without counting it as a failure', async () => {
    const id = await upload(await makeClip({ seconds: 30, width: 640, height: 360 }), 'stopped');
    const job = await waitRunning(id);
    await server.stop();
    const failures = server.output.split('\n').filter((l) => l.includes('"msg":"job failed"') && l.includes(`"jobId":"${job.id}"`));
    assert.deepEqual(failures, [], 'the stop is not a failed attempt');
    await restart();
    const video = await waitState(id, 1, 90_000);
    assert.equal(video.transcodingError, null);
  });

  it('finishes a transcode interrupted by killing the server, after a restart', async () => {
    const id = await upload(await makeClip({ seconds: 30, width: 640, height: 360 }), 'interrupted');
    const job = await waitRunning(id);
    assert.ok(job.progress < 90, `caught at ${job.progress}%`);
    const interrupted = readdirSync(join(server.storageDir, 'tmp/transcoding')).map((d) => join(server.storageDir, 'tmp/transcoding', d));
    await server.kill();
    await restart();
    const video = await waitState(id, 1, 90_000);
    assert.equal(video.streamingPlaylists[0].files.length, 3);
    assert.ok(
      interrupted.every((d) => !existsSync(d)),
      'the interrupted scratch folder is gone',
    );
    const orphans = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => interrupted.some((d) => readProc(p).includes(d)));
    assert.deepEqual(orphans, [], 'no orphaned ffmpeg left');
  });
});

function readProc(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { probeFile } from '@shoal/ffmpeg';
import type { AppContext } from '../../server/src/platform/context';
import type { VideoModel, VideoSourceModel } from '../../server/src/modules/videos';
import { buildRenditions } from '../../server/src/modules/transcoding/transcoding.pipeline';
import type { TranscodingSettings } from '../../server/src/modules/transcoding';
import { makeClip } from '../shared/media';

const settings: TranscodingSettings = {
  plan: { enabledResolutions: [144, 240], keepOriginalResolution: true, fpsMax: 60, audioOnly: false, stillImageResolution: 480 },
  hls: true,
  webVideos: true,
  threads: undefined,
  preset: 'veryfast',
  segmentDuration: 4,
  concurrency: 1,
  lockDurationMs: 30_000,
};

/** The ffmpeg half of the job against real files, without a server or a database. */
describe('transcoding pipeline', function () {
  this.timeout(60_000);
  const root = mkdtempSync(join(tmpdir(), 'shoal-pipeline-'));
  const dirs = { tmp: join(root, 'tmp'), original_video_files: join(root, 'originals'), previews: join(root, 'previews') };
  const ctx = { dirs, logger: { info: () => undefined, warn: () => undefined } } as unknown as AppContext;
  let run = 0;

  before(() => Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true })));
  after(() => rmSync(root, { recursive: true, force: true }));

  async function transcode(clip: string, video: Partial<VideoModel> = {}) {
    const keepFilename = `source-${++run}${clip.slice(clip.lastIndexOf('.'))}`;
    await copyFile(clip, join(dirs.original_video_files, keepFilename));
    const source = { keepFilename, metadata: null, size: 0 } as unknown as VideoSourceModel;
    const dir = mkdtempSync(join(dirs.tmp, 'run-'));
    const progress: number[] = [];
    const step = { dir, settings, signal: new AbortController().signal, progress: (f: number) => progress.push(f) };
    return { out: await buildRenditions(ctx, video as VideoModel, source, step), progress };
  }

  it('keeps a portrait source upright and remuxes a web video per rung', async () => {
    const { out, progress } = await transcode(await makeClip({ seconds: 2, width: 240, height: 320 }));
    assert.deepEqual(
      out.hls.files.map((f) => [f.resolution, f.width, f.height]),
      [
        [240, 240, 320],
        [144, 144, 192],
      ],
    );
    assert.equal(out.aspectRatio, 0.75);
    assert.deepEqual(
      out.webVideos.map((f) => [f.resolution, f.width, f.height, f.playlistFilename]),
      [
        [240, 240, 320, null],
        [144, 144, 192, null],
      ],
    );
    for (const web of out.webVideos) {
      assert.match(web.filename, /^[0-9a-f-]{36}-\d+\.mp4$/);
      const bytes = readFileSync(web.path);
      assert.ok(bytes.indexOf('moov') < bytes.indexOf('mdat'), 'faststart');
      assert.equal((await probeFile(web.path)).hasAudio, true);
    }
    assert.ok(progress.length > 0 && progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]!)));
  });

  it('shows an audio source with its preview and adds an audio-only rendition', async () => {
    const previewFilename = 'red.jpg';
    await sharp({ create: { width: 850, height: 480, channels: 3, background: '#d01010' } })
      .jpeg()
      .toFile(join(dirs.previews, previewFilename));
    const { out } = await transcode(await makeClip({ seconds: 3, audioOnly: true }), { previewFilename });
    assert.deepEqual(
      out.hls.files.map((f) => [f.resolution, f.hasVideo, f.hasAudio]),
      [
        [480, true, true],
        [0, false, true],
      ],
    );
    const { channels } = await sharp(out.framePath!).stats();
    assert.ok(channels[0]!.mean > 150 && channels[1]!.mean < 60, 'the frame shows the red preview');
  });

  it('falls back to a plain background without a preview', async () => {
    const { out } = await transcode(await makeClip({ seconds: 2, audioOnly: true }));
    const { channels } = await sharp(out.framePath!).stats();
    assert.ok(
      channels.every((c) => c.mean < 80),
      'a dark background',
    );
    assert.equal(out.aspectRatio, 1.7792);
  });
});

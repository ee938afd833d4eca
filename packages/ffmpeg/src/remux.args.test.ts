import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { buildHlsLadderArgs } from './hls-ladder.args.js';
import type { Rendition } from './ladder.js';
import { probeFile } from './probe.js';
import { buildFragmentedToProgressiveArgs } from './remux.args.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { argv, makeTempDir, makeTestVideo, removeDir } from './test-utils/media-fixtures.js';

describe('buildFragmentedToProgressiveArgs', () => {
  it('stream-copies every stream into a faststart MP4 without metadata', () => {
    const golden = `
      -hide_banner -y -i /hls/u-360-fragmented.mp4 -map 0 -c copy
      -map_metadata -1 -max_muxing_queue_size 1024 -movflags faststart -f mp4 /web/w-360.mp4`;
    assert.deepEqual(buildFragmentedToProgressiveArgs('/hls/u-360-fragmented.mp4', '/web/w-360.mp4'), argv(golden));
  });
});

describe('buildFragmentedToProgressiveArgs with real ffmpeg', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('remux');
  });
  after(() => removeDir(dir));

  it('turns an HLS rendition into a playable MP4 with its index first', async () => {
    const source = await makeTestVideo(join(dir, 'in.mp4'), { width: 320, height: 240, seconds: 2 });
    const rung: Rendition = {
      resolution: 240,
      width: 320,
      height: 240,
      fps: 25,
      videoBitrate: 300_000,
      audioBitrate: 96_000,
      fromStillImage: false,
    };
    await mkdir(join(dir, 'hls'));
    const ladder = buildHlsLadderArgs({ inputPath: source, outputDir: join(dir, 'hls'), renditions: [rung], baseName: () => 'u-240' });
    await runFfmpeg(ladder.args);
    const out = join(dir, 'w-240.mp4');
    await runFfmpeg(buildFragmentedToProgressiveArgs(ladder.outputs[0]!.mediaPath, out));
    const probe = await probeFile(out);
    assert.equal(probe.width, 320);
    assert.ok(probe.hasAudio);
    assert.ok(Math.abs(probe.duration - 2) < 0.2);
    const head = await readFile(out);
    assert.ok(head.indexOf('moov') < head.indexOf('mdat'), 'moov comes before mdat');
  });
});

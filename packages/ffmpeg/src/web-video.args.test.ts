import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'mocha';
import type { Rendition } from './ladder.js';
import { probeFile } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { argv, makeTempDir, makeTestVideo, removeDir } from './test-utils/media-fixtures.js';
import { buildWebVideoArgs } from './web-video.args.js';

const r480: Rendition = {
  resolution: 480,
  width: 854,
  height: 480,
  fps: 25,
  videoBitrate: 1228815,
  audioBitrate: 128000,
  fromStillImage: false,
};
const tail = '-map_metadata -1 -max_muxing_queue_size 1024 -movflags faststart -f mp4 /out/u-480.mp4';

describe('buildWebVideoArgs', () => {
  it('builds a faststart MP4 with scaled H.264 (2 s GOP) and stereo AAC', () => {
    const args = buildWebVideoArgs({ inputPath: '/in.mov', outputPath: '/out/u-480.mp4', rendition: r480, threads: 4 });
    const golden = `
      -hide_banner -y -i /in.mov -map 0:v:0 -vf fps=25,scale=854:480,format=yuv420p
      -c:v libx264 -preset veryfast -maxrate:v 1228815 -bufsize:v 2457630 -b_strategy 1 -bf 16 -g:v 50
      -map 0:a:0 -c:a aac -ac 2 -b:a 128000 -threads 4 ${tail}`;
    assert.deepEqual(args, argv(golden));
  });

  it('builds an audio-only MP4 for resolution 0 and copies audio when allowed', () => {
    const audioOnly: Rendition = { ...r480, resolution: 0, width: 0, height: 0, fps: 0, videoBitrate: 0 };
    const args = buildWebVideoArgs({
      inputPath: '/in.mov',
      outputPath: '/out/u-480.mp4',
      rendition: audioOnly,
      copyAudio: true,
      audioStreamIndex: 3,
    });
    assert.deepEqual(args, argv(`-hide_banner -y -i /in.mov -map 0:3 -c:a copy ${tail}`));
  });

  it('passes the VAAPI device and uploads frames for a hardware encoder', () => {
    const args = buildWebVideoArgs({
      inputPath: '/in.mov',
      outputPath: '/o.mp4',
      rendition: r480,
      encoder: 'h264_vaapi',
      hwDevice: '/dev/dri/renderD129',
    });
    const golden = '-hide_banner -y -vaapi_device /dev/dri/renderD129 -i /in.mov -map 0:v:0 -vf fps=25,scale=854:480,format=nv12,hwupload';
    assert.deepEqual(args.slice(0, 10), argv(golden));
  });
});

describe('buildWebVideoArgs with real ffmpeg', () => {
  let dir: string;
  let input: string;
  before(async () => {
    dir = await makeTempDir('web');
    input = await makeTestVideo(join(dir, 'source.mp4'), { seconds: 2 });
  });
  after(() => removeDir(dir));

  it('writes a playable MP4 at the rung size with its index first', async () => {
    const output = join(dir, 'out-144.mp4');
    const rendition = { ...r480, resolution: 144, width: 192, height: 144, videoBitrate: 200000 };
    await runFfmpeg(buildWebVideoArgs({ inputPath: input, outputPath: output, rendition, preset: 'ultrafast', threads: 1 }));
    const probe = await probeFile(output);
    assert.deepEqual([probe.width, probe.height, probe.fps, probe.hasAudio], [192, 144, 25, true]);
    const boxes = topLevelBoxes(await readFile(output));
    assert.ok(boxes.indexOf('moov') < boxes.indexOf('mdat'), `box order ${boxes.join(',')}`);
  });
});

/** Types of the top-level ISO BMFF boxes, in file order. */
function topLevelBoxes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    const size = bytes.readUInt32BE(offset);
    types.push(bytes.toString('latin1', offset + 4, offset + 8));
    if (size < 8) break;
    offset += size;
  }
  return types;
}

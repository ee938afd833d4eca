import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { buildAudioToVideoArgs } from './audio-to-video.args.js';
import type { Rendition } from './ladder.js';
import { probeFile } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { argv, makeTempDir, makeTestAudio, makeTestImage, removeDir } from './test-utils/media-fixtures.js';

const still: Rendition = {
  resolution: 480,
  width: 854,
  height: 480,
  fps: 25,
  videoBitrate: 1228815,
  audioBitrate: 256000,
  fromStillImage: true,
};

describe('buildAudioToVideoArgs', () => {
  it('loops the picture up to the audio duration, fits it in the frame and muxes a faststart MP4', () => {
    const args = buildAudioToVideoArgs({
      imagePath: '/bg.jpg',
      audioPath: '/a.flac',
      outputPath: '/o.mp4',
      rendition: still,
      durationSeconds: 61.2,
    });
    const filter = '[0:v]scale=854:480:force_original_aspect_ratio=decrease,pad=854:480:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v]';
    const golden = `
      -hide_banner -y -loop 1 -framerate 25 -t 61.2 -i /bg.jpg -i /a.flac -filter_complex ${filter} -map [v] -map 1:a:0
      -c:v libx264 -preset veryfast -maxrate:v 1228815 -bufsize:v 2457630 -b_strategy 1 -bf 16 -g:v 50 -tune stillimage
      -c:a aac -ac 2 -b:a 256000 -shortest
      -map_metadata -1 -max_muxing_queue_size 1024 -movflags faststart -f mp4 /o.mp4`;
    assert.deepEqual(args, argv(golden));
  });

  it('refuses an audio-only rendition', () => {
    assert.throws(() =>
      buildAudioToVideoArgs({
        imagePath: '/bg.jpg',
        audioPath: '/a.flac',
        outputPath: '/o.mp4',
        rendition: { ...still, resolution: 0, fps: 0 },
      }),
    );
  });
});

describe('buildAudioToVideoArgs with real ffmpeg', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('merge');
  });
  after(() => removeDir(dir));

  it('produces a video of the audio length at the rung size', async () => {
    const audio = await makeTestAudio(join(dir, 'song.m4a'), 2);
    const image = await makeTestImage(join(dir, 'bg.png'), 100, 100);
    const output = join(dir, 'merged.mp4');
    const rendition = { ...still, resolution: 144, width: 256, height: 144, videoBitrate: 200000 };
    await runFfmpeg(
      buildAudioToVideoArgs({
        imagePath: image,
        audioPath: audio,
        outputPath: output,
        rendition,
        preset: 'ultrafast',
        durationSeconds: (await probeFile(audio)).duration,
      }),
    );
    const probe = await probeFile(output);
    assert.deepEqual([probe.width, probe.height, probe.fps, probe.hasAudio], [256, 144, 25, true]);
    assert.ok(Math.abs(probe.duration - 2) < 0.1, `duration ${probe.duration}`);
  });
});

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { buildProbeArgs, isPlayableMedia, probeFile } from './probe.js';
import { ProbeError, ProbeErrorCode } from './probe.types.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { argv, makeTempDir, makeTestAudio, makeTestImage, makeTestVideo, removeDir } from './test-utils/media-fixtures.js';

async function assertRejected(path: string, code: ProbeErrorCode): Promise<void> {
  await assert.rejects(probeFile(path), (err: unknown) => {
    assert.ok(err instanceof ProbeError, `expected a ProbeError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.ok(err.message.includes(path));
    return true;
  });
}

describe('buildProbeArgs', () => {
  it('asks ffprobe for JSON with format and streams', () => {
    assert.deepEqual(buildProbeArgs('/a/b.mp4'), argv('-v error -print_format json -show_format -show_streams /a/b.mp4'));
  });
});

describe('probeFile (real ffprobe)', () => {
  let dir: string;
  let video: string;

  before(async () => {
    dir = await makeTempDir('probe');
    video = await makeTestVideo(join(dir, 'clip.mp4'), { seconds: 2 });
  });
  after(() => removeDir(dir));

  it('describes a small H.264/AAC clip', async () => {
    const probe = await probeFile(video);
    assert.deepEqual(
      [probe.hasVideo, probe.hasAudio, probe.width, probe.height, probe.resolution, probe.fps],
      [true, true, 320, 240, 240, 25],
    );
    assert.deepEqual([probe.videoCodec, probe.audioCodec], ['h264', 'aac']);
    assert.ok(Math.abs(probe.duration - 2) < 0.1, `duration ${probe.duration}`);
    assert.ok(probe.bitrate > 0 && probe.size > 0);
    assert.equal(await isPlayableMedia(video), true);
  });

  it('applies a quarter-turn rotation to the dimensions', async () => {
    const rotated = await makeTestVideo(join(dir, 'rotated.mp4'), { seconds: 1, withAudio: false, rotate: 90 });
    const probe = await probeFile(rotated);
    assert.equal(Math.abs(probe.rotation), 90);
    assert.deepEqual([probe.width, probe.height, probe.resolution, probe.hasAudio], [240, 320, 240, false]);
  });

  it('treats an audio file with embedded cover art as audio only', async () => {
    const audio = await makeTestAudio(join(dir, 'song.m4a'), 1);
    const cover = await makeTestImage(join(dir, 'cover.png'));
    const withCover = join(dir, 'song-cover.mp4');
    await runFfmpeg([
      '-y',
      '-i',
      audio,
      '-i',
      cover,
      '-map',
      '0',
      '-map',
      '1',
      '-c',
      'copy',
      '-disposition:v:0',
      'attached_pic',
      withCover,
    ]);
    const probe = await probeFile(withCover);
    assert.deepEqual([probe.hasVideo, probe.hasAudio, probe.resolution], [false, true, 0]);
  });

  it('rejects random bytes', async () => {
    // Fixed bytes keep the test deterministic (random data can occasionally look like MPEG audio).
    const path = join(dir, 'random.bin');
    await writeFile(path, seededBytes(8192));
    await assertRejected(path, ProbeErrorCode.UNREADABLE);
  });

  it('rejects a text file', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'This is not a video.\nJust some words.\n');
    await assertRejected(path, ProbeErrorCode.UNREADABLE);
  });

  it('rejects a PNG image', async () => {
    await assertRejected(await makeTestImage(join(dir, 'image.png')), ProbeErrorCode.STILL_IMAGE);
  });

  it('rejects a truncated MP4', async () => {
    const path = join(dir, 'truncated.mp4');
    const bytes = await readFile(video);
    // ffmpeg writes the index (moov) at the end without faststart: cutting the file loses it.
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assertRejected(path, ProbeErrorCode.UNREADABLE);
  });

  it('rejects an empty file and a missing file', async () => {
    const path = join(dir, 'empty.mp4');
    await writeFile(path, '');
    await assertRejected(path, ProbeErrorCode.UNREADABLE);
    await assertRejected(join(dir, 'missing.mp4'), ProbeErrorCode.UNREADABLE);
    assert.equal(await isPlayableMedia(path), false);
  });
});

/** Deterministic pseudo-random bytes (xorshift32). */
function seededBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

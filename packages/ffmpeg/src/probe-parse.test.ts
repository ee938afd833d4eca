import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { parseFrameRate, parseProbeData, streamRotation } from './probe-parse.js';
import { ProbeError, ProbeErrorCode, type FfprobeData, type FfprobeStream } from './probe.types.js';

const h264 = (extra: Partial<FfprobeStream> = {}): FfprobeStream => ({
  index: 0,
  codec_type: 'video',
  codec_name: 'h264',
  width: 1920,
  height: 1080,
  pix_fmt: 'yuv420p',
  avg_frame_rate: '30000/1001',
  r_frame_rate: '30000/1001',
  bit_rate: '4000000',
  ...extra,
});
const aac: FfprobeStream = {
  index: 1,
  codec_type: 'audio',
  codec_name: 'aac',
  bit_rate: '128000',
  channel_layout: 'stereo',
};
const mp4Format = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '12.5', size: '1000', bit_rate: '4200000' };

function parse(raw: FfprobeData) {
  return parseProbeData(raw, { path: '/tmp/x', size: 999 });
}

function assertProbeError(fn: () => unknown, code: ProbeErrorCode) {
  assert.throws(fn, (err: unknown) => err instanceof ProbeError && err.code === code);
}

describe('parseProbeData', () => {
  it('reads duration, sizes, rounded fps, codecs and bitrates of a video with audio', () => {
    const result = parse({ format: mp4Format, streams: [h264(), aac] });
    assert.equal(result.duration, 12.5);
    assert.equal(result.format, 'mov,mp4,m4a,3gp,3g2,mj2');
    assert.deepEqual(
      [result.hasVideo, result.hasAudio, result.width, result.height, result.resolution, result.fps],
      [true, true, 1920, 1080, 1080, 30],
    );
    assert.deepEqual([result.videoCodec, result.audioCodec], ['h264', 'aac']);
    assert.deepEqual([result.bitrate, result.audioBitrate, result.size], [4200000, 128000, 1000]);
    assert.deepEqual([result.videoStreamIndex, result.audioStreamIndex], [0, 1]);
  });

  it('swaps width and height for a quarter-turn rotation and takes the short side as resolution', () => {
    const rotated = h264({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] });
    const result = parse({ format: mp4Format, streams: [rotated] });
    assert.deepEqual([result.width, result.height, result.resolution, result.rotation], [1080, 1920, 1080, -90]);
  });

  it('reads the legacy rotate tag and normalises 270 to -90', () => {
    assert.equal(streamRotation(h264({ tags: { rotate: '270' } })), -90);
    assert.equal(streamRotation(h264({ tags: { rotate: '180' } })), 180);
    assert.equal(streamRotation(h264()), 0);
  });

  it('falls back to r_frame_rate and to the video stream bitrate', () => {
    const stream = h264({ avg_frame_rate: '0/0', r_frame_rate: '25/1' });
    const result = parse({ format: { format_name: 'matroska,webm', duration: '3' }, streams: [stream] });
    assert.equal(result.fps, 25);
    assert.equal(result.bitrate, 4000000);
    assert.equal(result.size, 999);
  });

  it('treats an audio file with cover art as audio only', () => {
    const cover = h264({ index: 1, codec_name: 'mjpeg', disposition: { attached_pic: 1 } });
    const result = parse({ format: { format_name: 'mp3', duration: '5' }, streams: [{ ...aac, index: 0 }, cover] });
    assert.deepEqual([result.hasVideo, result.hasAudio, result.resolution, result.fps], [false, true, 0, 0]);
    assert.equal(result.videoStreamIndex, null);
  });

  it('picks the moving video stream when cover art comes first', () => {
    const cover = h264({ index: 0, codec_name: 'png', disposition: { attached_pic: 1 } });
    const result = parse({ format: mp4Format, streams: [cover, h264({ index: 1 }), { ...aac, index: 2 }] });
    assert.equal(result.videoStreamIndex, 1);
  });

  it('keeps MJPEG with many frames as video', () => {
    const mjpeg = h264({ codec_name: 'mjpeg', nb_frames: '250' });
    assert.equal(parse({ format: { format_name: 'avi' }, streams: [mjpeg] }).hasVideo, true);
  });

  it('rejects PNG and JPEG images', () => {
    for (const [format, codec] of [
      ['png_pipe', 'png'],
      ['jpeg_pipe', 'mjpeg'],
      ['image2', 'mjpeg'],
    ]) {
      const image = h264({ codec_name: codec, avg_frame_rate: '0/0' });
      assertProbeError(() => parse({ format: { format_name: format }, streams: [image] }), ProbeErrorCode.STILL_IMAGE);
    }
  });

  it('rejects text read as ANSI art and files without streams', () => {
    const ansi = h264({ codec_name: 'ansi' });
    assertProbeError(() => parse({ format: { format_name: 'tty' }, streams: [ansi] }), ProbeErrorCode.NOT_MEDIA);
    assertProbeError(() => parse({ format: { format_name: 'ogg' }, streams: [] }), ProbeErrorCode.NO_MEDIA_STREAM);
  });
});

describe('parseFrameRate', () => {
  it('parses rationals and returns 0 for 0/0 or garbage', () => {
    assert.equal(parseFrameRate('50/1'), 50);
    assert.equal(parseFrameRate('0/0'), 0);
    assert.equal(parseFrameRate(undefined), 0);
    assert.equal(parseFrameRate('abc'), 0);
  });
});

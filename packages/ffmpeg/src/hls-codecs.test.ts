import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { audioCodecString, videoCodecString } from './hls-codecs.js';

describe('videoCodecString', () => {
  it('encodes H.264 profile and level in hex', () => {
    assert.equal(videoCodecString({ codec_name: 'h264', profile: 'High', level: 31 }), 'avc1.64001f');
    assert.equal(videoCodecString({ codec_name: 'h264', profile: 'Main', level: 30 }), 'avc1.4d401e');
    assert.equal(videoCodecString({ codec_name: 'h264', profile: 'Constrained Baseline', level: 9 }), 'avc1.42e009');
    assert.equal(videoCodecString({ codec_name: 'h264', profile: 'High 10', level: 40 }), 'avc1.640028');
  });

  it('uses fixed strings for VP9 and HEVC and builds AV1 from profile and level', () => {
    assert.equal(videoCodecString({ codec_name: 'vp9', profile: 'Profile 0', level: -99 }), 'vp09.00.50.08');
    assert.equal(videoCodecString({ codec_name: 'hevc', profile: 'Main', level: 93 }), 'hev1.1.6.L93.B0');
    assert.equal(videoCodecString({ codec_name: 'av1', profile: 'Main', level: 8 }), 'av01.0.08M.08');
  });
});

describe('audioCodecString', () => {
  it('maps AAC profiles, MP3, Opus and Vorbis', () => {
    assert.equal(audioCodecString({ codec_name: 'aac', profile: 'LC' }), 'mp4a.40.2');
    assert.equal(audioCodecString({ codec_name: 'aac', profile: 'HE-AAC' }), 'mp4a.40.5');
    assert.equal(audioCodecString({ codec_name: 'mp3' }), 'mp4a.40.34');
    assert.equal(audioCodecString({ codec_name: 'opus' }), 'opus');
    assert.equal(audioCodecString({ codec_name: 'vorbis' }), 'vorbis');
    assert.equal(audioCodecString({ codec_name: 'ac3' }), 'mp4a.40.2');
  });
});

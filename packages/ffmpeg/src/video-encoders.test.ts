import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { argv } from './test-utils/media-fixtures.js';
import { encoderInputArgs, encoderPixelFilter, videoEncoderArgs, type VideoEncodeSettings } from './video-encoders.js';

const aligned: VideoEncodeSettings = { preset: 'veryfast', bitrate: 1000, gopFrames: 100, alignKeyframesEvery: 4 };
const free: VideoEncodeSettings = { preset: 'slow', bitrate: 1000, gopFrames: 50 };
const forced = '-force_key_frames:v expr:gte(t,n_forced*4)';

describe('video encoders', () => {
  it('maps libx264 with and without aligned keyframes', () => {
    const golden = '-c:v libx264 -preset slow -maxrate:v 1000 -bufsize:v 2000 -b_strategy 1 -bf 16 -g:v 50';
    assert.deepEqual(videoEncoderArgs('libx264', free), argv(golden));
    assert.deepEqual(videoEncoderArgs('libx264', aligned).slice(-6), argv(`-keyint_min:v 100 -sc_threshold:v 0 ${forced}`));
  });

  it('maps NVENC with a p-preset, constant quality under the cap and IDR keyframes', () => {
    const golden = `-c:v h264_nvenc -preset p2 -rc vbr -cq 23 -b:v 0 -maxrate:v 1000 -bufsize:v 2000
      -g:v 100 -no-scenecut 1 -forced-idr 1 ${forced}`;
    assert.deepEqual(videoEncoderArgs('h264_nvenc', aligned), argv(golden));
    assert.equal(encoderPixelFilter('h264_nvenc'), 'format=yuv420p');
  });

  it('maps Quick Sync and VAAPI', () => {
    const qsv = `-c:v h264_qsv -preset veryfast -look_ahead 0 -b:v 1000 -maxrate:v 1000 -bufsize:v 2000
      -g:v 100 -idr_interval 0 ${forced}`;
    assert.deepEqual(videoEncoderArgs('h264_qsv', { ...aligned, preset: 'ultrafast' }), argv(qsv));
    const vaapi = '-c:v h264_vaapi -rc_mode VBR -b:v 1000 -maxrate:v 1000 -bufsize:v 2000 -g:v 50';
    assert.deepEqual(videoEncoderArgs('h264_vaapi', free), argv(vaapi));
    assert.deepEqual(encoderInputArgs('h264_vaapi'), ['-vaapi_device', '/dev/dri/renderD128']);
    assert.deepEqual(encoderInputArgs('libx264'), []);
    assert.equal(encoderPixelFilter('h264_vaapi'), 'format=nv12,hwupload');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { buildTranscodingPlan, scaledDimensions, selectResolutions, type TranscodingPlanConfig } from './ladder.js';
import type { ProbeResult } from './probe.types.js';

function source(overrides: Partial<ProbeResult>): ProbeResult {
  return {
    path: '/in.mp4',
    duration: 10,
    format: 'mov,mp4,m4a,3gp,3g2,mj2',
    hasVideo: true,
    hasAudio: true,
    width: 854,
    height: 480,
    resolution: 480,
    fps: 30,
    videoCodec: 'h264',
    audioCodec: 'aac',
    bitrate: 0,
    audioBitrate: 128_000,
    audioChannelLayout: 'stereo',
    pixelFormat: 'yuv420p',
    rotation: 0,
    size: 1000,
    videoStreamIndex: 0,
    audioStreamIndex: 1,
    raw: {},
    ...overrides,
  };
}

const config: TranscodingPlanConfig = {
  enabledResolutions: [1080, 720, 480, 360, 240],
  fpsMax: 60,
  audioOnly: false,
};

const sizes = (plan: ReturnType<typeof buildTranscodingPlan>) =>
  plan.renditions.map((r) => `${r.resolution}:${r.width}x${r.height}@${r.fps}`);

describe('buildTranscodingPlan', () => {
  it('never upscales: a 480p source with 1080…240 enabled gives 480, 360 and 240', () => {
    const plan = buildTranscodingPlan(source({}), config);
    assert.deepEqual(sizes(plan), ['480:854x480@30', '360:640x360@30', '240:428x240@30']);
    assert.ok(plan.renditions.every((r) => r.audioBitrate === 128_000 && r.videoBitrate > 0));
    assert.equal(plan.copyAudio, true);
  });

  it('keeps portrait sources portrait, the short side being the resolution', () => {
    const plan = buildTranscodingPlan(source({ width: 1080, height: 1920, resolution: 1080 }), config);
    assert.deepEqual(sizes(plan), ['1080:1080x1920@30', '720:720x1280@30', '480:480x854@30', '360:360x640@30', '240:240x426@30']);
  });

  it('makes odd sizes even without upscaling', () => {
    const plan = buildTranscodingPlan(source({ width: 321, height: 241, resolution: 241 }), config);
    assert.deepEqual(sizes(plan), ['240:320x240@30']);
  });

  it('uses the source resolution when no enabled rung fits under it', () => {
    const plan = buildTranscodingPlan(source({ width: 320, height: 180, resolution: 180 }), {
      ...config,
      enabledResolutions: [1080, 720],
      keepOriginalResolution: false,
    });
    assert.deepEqual(sizes(plan), ['180:320x180@30']);
  });

  it('starts at the largest enabled rung when the original resolution is not kept', () => {
    const input = source({ width: 1920, height: 816, resolution: 816, fps: 60 });
    assert.deepEqual(sizes(buildTranscodingPlan(input, { ...config, keepOriginalResolution: false })), [
      '720:1694x720@60',
      '480:1130x480@30',
      '360:848x360@30',
      '240:564x240@30',
    ]);
    assert.equal(buildTranscodingPlan(input, config).renditions[0]!.resolution, 816);
  });

  it('adds an audio-only rung when asked and the source has audio', () => {
    const plan = buildTranscodingPlan(source({}), { ...config, enabledResolutions: [], audioOnly: true });
    assert.deepEqual(sizes(plan), ['480:854x480@30', '0:0x0@0']);
    const silent = buildTranscodingPlan(source({ hasAudio: false, audioCodec: null }), { ...config, audioOnly: true });
    assert.ok(silent.renditions.every((r) => r.resolution > 0 && r.audioBitrate === 0));
  });

  it('plans audio inputs as audio only, plus a still-image rung when configured', () => {
    const audio = source({ hasVideo: false, width: 0, height: 0, resolution: 0, fps: 0, videoStreamIndex: null });
    assert.deepEqual(sizes(buildTranscodingPlan(audio, config)), ['0:0x0@0']);
    const withStill = buildTranscodingPlan(audio, { ...config, stillImageResolution: 480 });
    assert.deepEqual(sizes(withStill), ['480:854x480@25', '0:0x0@0']);
    assert.equal(withStill.renditions[0]!.fromStillImage, true);
  });

  it('refuses an input without streams', () => {
    assert.throws(() => buildTranscodingPlan(source({ hasVideo: false, hasAudio: false }), config));
  });
});

describe('selectResolutions and scaledDimensions', () => {
  it('dedupes and sorts enabled rungs', () => {
    assert.deepEqual(selectResolutions(1080, [240, 720, 720, 0, 2160]), [1080, 720, 240]);
  });

  it('rounds the long side to an even number like scale=-2', () => {
    assert.deepEqual(scaledDimensions({ width: 1920, height: 1080 }, 360), { width: 640, height: 360 });
    assert.deepEqual(scaledDimensions({ width: 1920, height: 1080 }, 144), { width: 256, height: 144 });
  });
});

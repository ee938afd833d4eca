import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { computeOutputFps } from './framerate.js';

const fps = (inputFps: number, resolution: number, isOriginResolution = false, fpsMax = 60) =>
  computeOutputFps({ inputFps, resolution, isOriginResolution, fpsMax });

describe('computeOutputFps', () => {
  it('keeps 60 fps at 1080p and 720p and lowers it to 30 below', () => {
    assert.deepEqual([fps(60, 1080), fps(60, 720), fps(60, 480), fps(60, 240)], [60, 60, 30, 30]);
  });

  it('lowers 50 fps to 25 below 720p', () => {
    assert.deepEqual([fps(50, 720), fps(50, 480), fps(50, 144)], [50, 25, 25]);
  });

  it('caps 120 fps at 60, and at 30 below 720p', () => {
    assert.deepEqual([fps(120, 1080, true), fps(120, 720), fps(120, 480)], [60, 60, 30]);
  });

  it('keeps the source rate on the original rung even below 720p', () => {
    assert.equal(fps(60, 480, true), 60);
  });

  it('picks the smallest remainder when no standard rate divides the source', () => {
    // 48 % 30 = 18, 48 % 25 = 23, 48 % 24 = 0 → 24 divides
    assert.equal(fps(48, 360), 24);
    // 59 % 30 = 29, 59 % 25 = 9, 59 % 24 = 11 → 25
    assert.equal(fps(59, 360), 25);
  });

  it('honours a lower maximum', () => {
    assert.equal(fps(60, 1080, true, 30), 30);
    assert.equal(fps(50, 1080, true, 25), 25);
    assert.equal(fps(60, 1080, true, 20), 20);
  });

  it('returns 0 for audio only, clamps to 1 fps and refuses inputs below 0.1 fps', () => {
    assert.equal(fps(30, 0), 0);
    assert.equal(fps(0.5, 480, true), 1);
    assert.throws(() => fps(0.05, 480, true), RangeError);
    assert.throws(() => fps(0, 480, true), RangeError);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { bitrateRatio, canCopyAudio, targetAudioBitrate, targetVideoBitrate, theoreticalBitrate } from './bitrate.js';

const ratio169 = bitrateRatio(1920, 1080);

describe('theoreticalBitrate', () => {
  it('matches the 16:9 30 fps table of the media spec', () => {
    const expected: Array<[number, number, number]> = [
      [144, 210_127, 353_898],
      [240, 522_246, 890_891],
      [360, 1_036_812, 1_797_142],
      [480, 1_474_578, 2_703_393],
      [720, 3_041_318, 5_253_185],
      [1080, 6_220_877, 10_575_492],
      [1440, 9_953_404, 17_694_941],
      [2160, 19_906_808, 34_836_915],
    ];
    for (const [resolution, avg, max] of expected) {
      assert.equal(theoreticalBitrate({ resolution, ratio: ratio169, fps: 30, kind: 'avg' }), avg, `${resolution} avg`);
      assert.equal(theoreticalBitrate({ resolution, ratio: ratio169, fps: 30, kind: 'max' }), max, `${resolution} max`);
    }
  });

  it('doubles at 60 fps and uses the class below for non-standard heights', () => {
    assert.equal(theoreticalBitrate({ resolution: 720, ratio: ratio169, fps: 60, kind: 'avg' }), 6_082_636);
    // 816p uses the 720p class (0.11 bpp)
    const ratio = bitrateRatio(1920, 816);
    assert.equal(theoreticalBitrate({ resolution: 816, ratio, fps: 24, kind: 'avg' }), Math.floor(816 * 816 * ratio * 24 * 0.11));
  });

  it('falls back to audio values when the product is 0', () => {
    assert.equal(theoreticalBitrate({ resolution: 0, ratio: 0, fps: 0, kind: 'avg' }), 192_000);
  });
});

describe('targetVideoBitrate', () => {
  it('uses the average when the input bitrate is unknown', () => {
    assert.equal(targetVideoBitrate({ resolution: 720, ratio: ratio169, fps: 30, inputBitrate: 0 }), 3_041_318);
  });

  it('never exceeds 1.3 × the input bitrate, but stays above the minimum', () => {
    assert.equal(targetVideoBitrate({ resolution: 720, ratio: ratio169, fps: 30, inputBitrate: 1_000_000 }), 1_300_000);
    const min = theoreticalBitrate({ resolution: 720, ratio: ratio169, fps: 30, kind: 'min' });
    assert.equal(targetVideoBitrate({ resolution: 720, ratio: ratio169, fps: 30, inputBitrate: 1000 }), min);
  });
});

describe('targetAudioBitrate', () => {
  it('follows the AAC rule', () => {
    assert.equal(targetAudioBitrate('aac', 500_000), 384_000);
    assert.equal(targetAudioBitrate('aac', 320_000), 128_000);
    assert.equal(targetAudioBitrate('mp3', 192_000), 128_000);
    assert.equal(targetAudioBitrate('flac', 320_000), 256_000);
    assert.equal(targetAudioBitrate('pcm_s16le', 1_411_000), 384_000);
    assert.equal(targetAudioBitrate('opus', 0), 256_000);
  });

  it('allows copying AAC up to 384 kbit/s with a known non-quad layout', () => {
    assert.equal(canCopyAudio('aac', 128_000, 'stereo'), true);
    assert.equal(canCopyAudio('aac', 128_000, 'quad'), false);
    assert.equal(canCopyAudio('aac', 0, 'stereo'), false);
    assert.equal(canCopyAudio('aac', 128_000, null), false);
    assert.equal(canCopyAudio('mp3', 128_000, 'stereo'), false);
  });
});

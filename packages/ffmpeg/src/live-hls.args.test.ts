import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { buildLiveHlsArgs, liveRungs } from './live-hls.args.js';

const base = {
  outputDir: '/live/u',
  source: { width: 426, height: 240 },
  hasAudio: true,
  copy: false,
  segmentDuration: 2,
  listSize: 15,
  lowLatency: false,
  threads: 2,
};

describe('liveRungs', () => {
  it('keeps enabled resolutions up to the source and never upscales', () => {
    assert.deepEqual(
      liveRungs({ height: 240, fps: 60 }, [144, 240, 720], true, 30).map((r) => [r.resolution, r.fps]),
      [
        [144, 30],
        [240, 30],
      ],
    );
    assert.deepEqual(
      liveRungs({ height: 200, fps: 25 }, [144, 720], true, 60).map((r) => r.resolution),
      [144, 200],
    );
    assert.deepEqual(liveRungs({ height: 200, fps: 25 }, [720], false, 60), []);
  });
});

describe('buildLiveHlsArgs', () => {
  it('encodes each rung from one split with audio as its own group', () => {
    const args = buildLiveHlsArgs({ ...base, rungs: liveRungs({ height: 240, fps: 15 }, [144, 240], true, 60) });
    const at = (flag: string) => args[args.indexOf(flag) + 1];
    assert.deepEqual(args.slice(0, 15), [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-fflags',
      'nobuffer',
      '-probesize',
      '1000000',
      '-analyzeduration',
      '500000',
      '-f',
      'flv',
      '-i',
      'pipe:0',
      '-threads',
    ]);
    assert.equal(at('-filter_complex'), '[0:v]split=2[s0][s1];[s0]scale=w=-2:h=144[v0];[s1]scale=w=-2:h=240[v1]');
    assert.equal(at('-var_stream_map'), 'v:0,agroup:Audio v:1,agroup:Audio a:0,agroup:Audio,default:yes');
    assert.equal(at('-force_key_frames'), 'expr:gte(t,n_forced*2)');
    assert.equal(at('-hls_time'), '2');
    assert.equal(at('-hls_list_size'), '15');
    assert.equal(at('-hls_segment_filename'), '/live/u/%v-%06d.ts');
    assert.equal(args.at(-1), '/live/u/%v.m3u8');
    assert.ok(!args.includes('zerolatency'));
  });

  it('tunes x264 for latency in small-latency mode and remuxes when transcoding is off', () => {
    assert.ok(buildLiveHlsArgs({ ...base, lowLatency: true, rungs: [{ resolution: 144, fps: 15 }] }).includes('zerolatency'));
    const copy = buildLiveHlsArgs({ ...base, copy: true, rungs: [] });
    assert.ok(copy.includes('copy') && !copy.includes('-filter_complex'));
    assert.equal(copy[copy.indexOf('-var_stream_map') + 1], 'v:0,a:0');
  });
});

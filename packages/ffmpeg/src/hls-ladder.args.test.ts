import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { buildHlsLadderArgs, buildLadderFilterGraph, type HlsLadderCommand } from './hls-ladder.args.js';
import { buildTranscodingPlan, type Rendition } from './ladder.js';
import { buildMasterPlaylist, describeHlsRendition } from './master-playlist.js';
import { probeFile } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { computeSegmentsSha256, parseByteRangePlaylist } from './segment-sha256.js';
import { argv, makeTempDir, makeTestVideo, removeDir } from './test-utils/media-fixtures.js';

const rung = (resolution: number, width: number, height: number, fps: number, videoBitrate: number): Rendition => {
  return { resolution, width, height, fps, videoBitrate, audioBitrate: 128000, fromStillImage: false };
};
const r720 = rung(720, 1280, 720, 30, 3041318);
const r360 = rung(360, 640, 360, 30, 1036812);
const audioRung = rung(0, 0, 0, 0, 0);

const x264 = (bitrate: number, gop: number) => `
  -c:v libx264 -preset veryfast -maxrate:v ${bitrate} -bufsize:v ${bitrate * 2} -b_strategy 1 -bf 16
  -g:v ${gop} -keyint_min:v ${gop} -sc_threshold:v 0 -force_key_frames:v expr:gte(t,n_forced*4)`;
const aac = '-map 0:a:0 -c:a aac -ac 2 -b:a 128000';
const hls = (base: string) => `
  -threads 2 -map_metadata -1 -max_muxing_queue_size 1024
  -f hls -hls_time 4 -hls_list_size 0 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags single_file
  -hls_segment_filename /out/${base}-fragmented.mp4 /out/${base}.m3u8`;

describe('buildHlsLadderArgs', () => {
  it('decodes once and writes one fMP4 HLS rendition per rung, each with its audio', () => {
    const { args, outputs } = buildHlsLadderArgs({
      inputPath: '/in/video.mkv',
      outputDir: '/out',
      renditions: [r720, r360, audioRung],
      baseName: (r) => `uuid-${r.resolution}`,
      threads: 2,
    });
    const graph = '[0:v:0]fps=30,scale=1280:720,split=2[b0][c0];[b0]fps=30,format=yuv420p[v0];[c0]scale=640:360,fps=30,format=yuv420p[v1]';
    assert.deepEqual(
      args,
      argv(`
        -hide_banner -y -i /in/video.mkv -filter_complex ${graph}
        -map [v0] ${x264(3041318, 120)} ${aac} ${hls('uuid-720')}
        -map [v1] ${x264(1036812, 120)} ${aac} ${hls('uuid-360')}
        ${aac} ${hls('uuid-0')}`),
    );
    assert.deepEqual(
      outputs.map((o) => [o.playlist, o.media, o.playlistPath]),
      [
        ['uuid-720.m3u8', 'uuid-720-fragmented.mp4', '/out/uuid-720.m3u8'],
        ['uuid-360.m3u8', 'uuid-360-fragmented.mp4', '/out/uuid-360.m3u8'],
        ['uuid-0.m3u8', 'uuid-0-fragmented.mp4', '/out/uuid-0.m3u8'],
      ],
    );
  });

  it('drops audio from video rungs in split mode, maps chosen streams and copies audio', () => {
    const { args } = buildHlsLadderArgs({
      inputPath: '/in.mp4',
      outputDir: '/out',
      renditions: [r360, audioRung],
      baseName: (r) => `u-${r.resolution}`,
      splitAudio: true,
      copyAudio: true,
      videoStreamIndex: 2,
      audioStreamIndex: 0,
      segmentDuration: 2,
    });
    const filterIndex = args.indexOf('-filter_complex');
    assert.equal(args[filterIndex + 1], '[0:2]fps=30,scale=640:360,format=yuv420p[v0]');
    const videoOutput = args.slice(filterIndex + 2, args.indexOf('/out/u-360.m3u8') + 1);
    assert.ok(!videoOutput.includes('0:0'), 'video rung must not carry audio');
    assert.ok(videoOutput.includes('expr:gte(t,n_forced*2)'));
    assert.equal(videoOutput[videoOutput.indexOf('-g:v') + 1], '60');
    const audioOutput = args.slice(args.indexOf('/out/u-360.m3u8') + 1);
    assert.deepEqual(audioOutput.slice(0, 4), ['-map', '0:0', '-c:a', 'copy']);
  });

  it('gives every rung a fresh random name by default', () => {
    const { outputs } = buildHlsLadderArgs({ inputPath: '/in.mp4', outputDir: '/o', renditions: [r720, r360] });
    assert.match(outputs[0]!.media, /^[0-9a-f-]{36}-720-fragmented\.mp4$/);
    assert.notEqual(outputs[0]!.media.slice(0, 36), outputs[1]!.media.slice(0, 36));
  });

  it('scales each rung from the one above and drops frames before scaling lower frame rates', () => {
    const ladder = [rung(1080, 1920, 1080, 60, 1), rung(720, 1280, 720, 60, 1), rung(480, 854, 480, 30, 1), rung(360, 640, 360, 30, 1)];
    assert.equal(
      buildLadderFilterGraph('0:v:0', ladder, 'libx264'),
      [
        '[0:v:0]fps=60,scale=1920:1080,split=2[b0][c0]',
        '[b0]fps=60,format=yuv420p[v0]',
        '[c0]scale=1280:720,split=2[b1][c1]',
        '[b1]fps=60,format=yuv420p[v1]',
        '[c1]fps=30,scale=854:480,split=2[b2][c2]',
        '[b2]fps=30,format=yuv420p[v2]',
        '[c2]scale=640:360,fps=30,format=yuv420p[v3]',
      ].join(';'),
    );
  });

  it('labels outputs by their place in the given list, whatever its order, with the encoder pixel filter', () => {
    assert.equal(
      buildLadderFilterGraph('0:1', [r360, r720], 'h264_vaapi'),
      '[0:1]fps=30,scale=1280:720,split=2[b0][c0];[b0]fps=30,format=nv12,hwupload[v1];[c0]scale=640:360,fps=30,format=nv12,hwupload[v0]',
    );
  });

  it('refuses empty ladders, odd sizes, split audio without an audio rung and still-image rungs', () => {
    const base = { inputPath: '/in.mp4', outputDir: '/o' };
    assert.throws(() => buildHlsLadderArgs({ ...base, renditions: [] }));
    assert.throws(() => buildHlsLadderArgs({ ...base, renditions: [{ ...r360, width: 641 }] }));
    assert.throws(() => buildHlsLadderArgs({ ...base, renditions: [r360], splitAudio: true }));
    assert.throws(() => buildHlsLadderArgs({ ...base, renditions: [{ ...r360, fromStillImage: true }] }));
  });
});

describe('buildHlsLadderArgs with real ffmpeg', () => {
  let dir: string;
  let command: HlsLadderCommand;

  before(async function () {
    this.timeout(30_000);
    dir = await makeTempDir('hls');
    const input = await makeTestVideo(join(dir, 'source.mp4'), { seconds: 3 });
    const plan = buildTranscodingPlan(await probeFile(input), {
      enabledResolutions: [1080, 240, 144],
      fpsMax: 60,
      audioOnly: true,
    });
    command = buildHlsLadderArgs({
      inputPath: input,
      outputDir: dir,
      renditions: plan.renditions,
      segmentDuration: 1,
      threads: 1,
      preset: 'ultrafast',
    });
    await runFfmpeg(command.args);
  });
  after(() => removeDir(dir));

  it('writes every rung at its planned size, with audio in each', async () => {
    const seen = [];
    for (const output of command.outputs) {
      const probe = await probeFile(output.mediaPath);
      seen.push([probe.height, probe.width, probe.hasVideo, probe.hasAudio]);
    }
    assert.deepEqual(seen, [
      [240, 320, true, true],
      [144, 192, true, true],
      [0, 0, false, true],
    ]);
  });

  it('writes byte-range playlists pointing at the single fMP4 with its init section', async () => {
    for (const output of command.outputs) {
      const text = await readFile(output.playlistPath, 'utf8');
      assert.ok(text.includes('#EXT-X-PLAYLIST-TYPE:VOD') && text.includes('#EXT-X-ENDLIST'));
      assert.ok(text.includes(`#EXT-X-MAP:URI="${output.media}",BYTERANGE=`), text);
      const segments = parseByteRangePlaylist(text);
      assert.ok(segments.length >= 3, `${segments.length} segments`);
      assert.ok(segments.every((s) => s.uri === output.media));
    }
  });

  it('hashes every segment exactly over its bytes', async () => {
    const json = await computeSegmentsSha256(command.outputs.map((o) => o.playlistPath));
    assert.deepEqual(Object.keys(json).sort(), command.outputs.map((o) => o.media).sort());
    for (const output of command.outputs) {
      const bytes = await readFile(output.mediaPath);
      const ranges = Object.entries(json[output.media]!);
      const [lastStart, lastEnd] = ranges.at(-1)![0].split('-').map(Number);
      assert.equal(lastEnd, bytes.length - 1, 'last segment ends the file');
      assert.ok(lastStart! > 0);
      for (const [range, hash] of ranges) {
        const [start, end] = range.split('-').map(Number);
        assert.equal(
          createHash('sha256')
            .update(bytes.subarray(start, end! + 1))
            .digest('hex'),
          hash,
        );
      }
    }
  });

  it('describes the written rungs for the master playlist', async () => {
    const renditions = await Promise.all(command.outputs.map((o) => describeHlsRendition({ mediaPath: o.mediaPath, uri: o.playlist })));
    const master = buildMasterPlaylist(renditions);
    const lines = master.trim().split('\n');
    assert.match(
      lines[3]!,
      /^#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=192x144,FRAME-RATE=25,CODECS="avc1\.(64|4d)[0-9a-f]{4},mp4a\.40\.2"$/,
    );
    assert.equal(lines[4], command.outputs[1]!.playlist);
    assert.match(lines[5]!, /RESOLUTION=320x240/);
    assert.equal(lines.length, 7, 'the audio-only rung is not a variant when video rungs carry audio');
  });
});

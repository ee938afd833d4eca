import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveChunkUploader, listedSegments, truncateAfter, type LiveUpdate } from './live-chunk-uploader';
import { liveRunnerArgs } from './live-jobs';

const PLAYLIST = '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:3\n#EXTINF:2.0,\n0-000003.ts\n#EXTINF:2.0,\n0-000004.ts\n';

describe('shoal-runner live uploads', () => {
  it('lists segments and cuts the playlist after the chunk being sent', () => {
    assert.deepEqual(listedSegments(PLAYLIST), ['0-000003.ts', '0-000004.ts']);
    assert.equal(truncateAfter(PLAYLIST, '0-000003.ts'), '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:3\n#EXTINF:2.0,\n0-000003.ts\n');
    const ended = `${PLAYLIST}#EXT-X-ENDLIST\n`;
    assert.equal(truncateAfter(ended, '0-000003.ts'), ended);
  });

  it('pulls the RTMP URL with a timeout and never ends the playlist itself', () => {
    const payload = {
      input: { rtmpUrl: 'rtmp://live.example:1935/live/abc' },
      output: {
        toTranscode: [
          { resolution: 240, fps: 25 },
          { resolution: 0, fps: 0 },
        ],
        segmentDuration: 1,
        segmentListSize: 10,
      },
    };
    const args = liveRunnerArgs(payload, '/w/hls', 2);
    assert.deepEqual(args.slice(args.indexOf('-rw_timeout'), args.indexOf('-rw_timeout') + 6), [
      '-rw_timeout',
      '15000000',
      '-f',
      'flv',
      '-i',
      'rtmp://live.example:1935/live/abc',
    ]);
    assert.ok(!args.includes('pipe:0'));
    assert.match(args[args.indexOf('-hls_flags') + 1]!, /\+omit_endlist$/);
    assert.ok(args.includes('zerolatency'), '1 s segments: small-latency tuning');
  });

  it('sends each listed segment in order with the cut playlist, and removes what slid out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'live-up-'));
    const scratch = await mkdtemp(join(tmpdir(), 'live-up-s-'));
    const sent: Array<{ type: string; chunk: string; listed: string[]; master: boolean }> = [];
    const { readFile } = await import('node:fs/promises');
    const send = async (u: LiveUpdate) => {
      const playlist = await readFile(u.files['payload[resolutionPlaylistFile]']!, 'utf8');
      sent.push({
        type: u.payload.type,
        chunk: u.payload.videoChunkFilename,
        listed: listedSegments(playlist),
        master: 'payload[masterPlaylistFile]' in u.files,
      });
    };
    try {
      await writeFile(join(dir, 'master.m3u8'), '#EXTM3U\n0.m3u8\n');
      for (const s of ['0-000003.ts', '0-000004.ts', '0-000005.ts']) await writeFile(join(dir, s), 'x');
      await writeFile(join(dir, '0.m3u8'), PLAYLIST);
      const uploader = new LiveChunkUploader(dir, scratch, 1, send, (e) => assert.fail(e));
      uploader.start();
      await new Promise((r) => setTimeout(r, 400));
      await writeFile(join(dir, '0.m3u8'), '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:4\n#EXTINF:2.0,\n0-000004.ts\n#EXTINF:2.0,\n0-000005.ts\n');
      await new Promise((r) => setTimeout(r, 400));
      await uploader.flush();
      assert.deepEqual(sent, [
        { type: 'add-chunk', chunk: '0-000003.ts', listed: ['0-000003.ts'], master: true },
        { type: 'add-chunk', chunk: '0-000004.ts', listed: ['0-000003.ts', '0-000004.ts'], master: false },
        { type: 'add-chunk', chunk: '0-000005.ts', listed: ['0-000004.ts', '0-000005.ts'], master: false },
        { type: 'remove-chunk', chunk: '0-000003.ts', listed: ['0-000004.ts', '0-000005.ts'], master: false },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { computeSegmentsSha256, parseByteRangePlaylist, segmentRangeKey } from './segment-sha256.js';
import { makeTempDir, removeDir } from './test-utils/media-fixtures.js';

const playlist = [
  '#EXTM3U',
  '#EXT-X-VERSION:7',
  '#EXT-X-TARGETDURATION:4',
  '#EXT-X-PLAYLIST-TYPE:VOD',
  '#EXT-X-MAP:URI="a-720-fragmented.mp4",BYTERANGE="10@0"',
  '#EXTINF:4.000000,',
  '#EXT-X-BYTERANGE:20@10',
  'a-720-fragmented.mp4',
  '#EXTINF:4.000000,',
  '#EXT-X-BYTERANGE:15',
  'a-720-fragmented.mp4',
  '#EXT-X-ENDLIST',
  '',
].join('\n');

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('parseByteRangePlaylist', () => {
  it('lists segments, skipping the init section and continuing ranges without offset', () => {
    assert.deepEqual(parseByteRangePlaylist(playlist), [
      { uri: 'a-720-fragmented.mp4', offset: 10, length: 20 },
      { uri: 'a-720-fragmented.mp4', offset: 30, length: 15 },
    ]);
  });

  it('refuses playlists with whole-file segments', () => {
    assert.throws(() => parseByteRangePlaylist('#EXTM3U\n#EXTINF:4,\nseg-0.ts\n'), /no EXT-X-BYTERANGE/);
  });

  it('keys ranges with an inclusive end', () => {
    assert.equal(segmentRangeKey({ offset: 1320, length: 801245 }), '1320-802564');
  });
});

describe('computeSegmentsSha256', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('sha');
  });
  after(() => removeDir(dir));

  it('hashes each byte range of the media file next to the playlist', async () => {
    const bytes = Buffer.from(Array.from({ length: 45 }, (_, i) => i));
    await writeFile(join(dir, 'a-720-fragmented.mp4'), bytes);
    await writeFile(join(dir, 'a-720.m3u8'), playlist);
    assert.deepEqual(await computeSegmentsSha256([join(dir, 'a-720.m3u8')]), {
      'a-720-fragmented.mp4': {
        '10-29': sha(bytes.subarray(10, 30)),
        '30-44': sha(bytes.subarray(30, 45)),
      },
    });
  });

  it('fails when the media file is shorter than a range', async () => {
    await writeFile(join(dir, 'a-720-fragmented.mp4'), Buffer.alloc(35));
    await assert.rejects(computeSegmentsSha256([join(dir, 'a-720.m3u8')]), /shorter than the range/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  generateMasterPlaylistName,
  generateRenditionBaseName,
  generateSegmentsSha256Name,
  generateWebVideoFileName,
  hlsRenditionFileNames,
  isLiveRefreshedFileName,
  playlistNameFromMediaName,
} from './file-names.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

describe('file names', () => {
  it('pairs the fragmented MP4 with its playlist', () => {
    assert.deepEqual(hlsRenditionFileNames('abc-720'), { playlist: 'abc-720.m3u8', media: 'abc-720-fragmented.mp4' });
    assert.equal(playlistNameFromMediaName('abc-720-fragmented.mp4'), 'abc-720.m3u8');
  });

  it('uses a fresh UUID v4 per file', () => {
    assert.match(generateRenditionBaseName(480), new RegExp(`^${UUID}-480$`));
    assert.match(generateMasterPlaylistName(), new RegExp(`^${UUID}-master\\.m3u8$`));
    assert.match(generateSegmentsSha256Name(), new RegExp(`^${UUID}-segments-sha256\\.json$`));
    assert.match(generateWebVideoFileName(0), new RegExp(`^${UUID}-0\\.mp4$`));
    assert.notEqual(generateRenditionBaseName(480), generateRenditionBaseName(480));
  });

  it('tells live files that change every segment from VOD files by name alone', () => {
    for (const name of ['master.m3u8', '0.m3u8', '12.m3u8', 'segments-sha256.json'])
      assert.equal(isLiveRefreshedFileName(name), true, name);
    const vod = [generateMasterPlaylistName(), `${generateRenditionBaseName(480)}.m3u8`, generateSegmentsSha256Name(), '1-000001.ts'];
    for (const name of [...vod, 'x-master.m3u8', 'master.m3u8.bak']) assert.equal(isLiveRefreshedFileName(name), false, name);
  });
});

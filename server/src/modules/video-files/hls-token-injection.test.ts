import assert from 'node:assert/strict';
import { injectVideoFileToken } from './hls-token-injection';

const MASTER = [
  '#EXTM3U',
  '#EXT-X-VERSION:3',
  '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Audio",AUTOSELECT=YES,DEFAULT=YES,URI="aa-0.m3u8"',
  '#EXT-X-STREAM-INF:BANDWIDTH=1010000,RESOLUTION=640x360,FRAME-RATE=30,CODECS="avc1.64001e,mp4a.40.2",AUDIO="audio"',
  'b1-360.m3u8',
  '#EXT-X-STREAM-INF:BANDWIDTH=2950000,RESOLUTION=1280x720',
  'c2-720.m3u8',
  '',
].join('\n');

const RENDITION = [
  '#EXTM3U',
  '#EXT-X-VERSION:7',
  '#EXT-X-TARGETDURATION:4',
  '#EXT-X-MAP:URI="c2-720-fragmented.mp4",BYTERANGE="1320@0"',
  '#EXTINF:4.000000,',
  '#EXT-X-BYTERANGE:801245@1320',
  'c2-720-fragmented.mp4',
  '#EXTINF:4.000000,',
  '0-000042.ts',
  '#EXT-X-ENDLIST',
].join('\r\n');

describe('video file token injection in HLS playlists', () => {
  it('adds the token and the reinjection flag to every playlist of a master', () => {
    const out = injectVideoFileToken(MASTER, 'T.0.x.m');
    assert.match(out, /^b1-360\.m3u8\?videoFileToken=T\.0\.x\.m&reinjectVideoFileToken=true$/m);
    assert.match(out, /^c2-720\.m3u8\?videoFileToken=T\.0\.x\.m&reinjectVideoFileToken=true$/m);
    assert.match(out, /URI="aa-0\.m3u8\?videoFileToken=T\.0\.x\.m&reinjectVideoFileToken=true"/);
    assert.match(out, /CODECS="avc1\.64001e,mp4a\.40\.2"/);
  });

  it('adds only the token to the segments of a rendition playlist', () => {
    const out = injectVideoFileToken(RENDITION, 'tok');
    assert.match(out, /URI="c2-720-fragmented\.mp4\?videoFileToken=tok",BYTERANGE="1320@0"/);
    assert.match(out, /^c2-720-fragmented\.mp4\?videoFileToken=tok\r$/m);
    assert.match(out, /^0-000042\.ts\?videoFileToken=tok\r$/m);
    assert.doesNotMatch(out, /reinject/);
  });

  it('leaves tags and other lines alone', () => {
    const out = injectVideoFileToken(RENDITION, 'tok');
    const untouched = RENDITION.split('\r\n').filter((l) => l.startsWith('#') && !l.includes('URI='));
    for (const line of untouched) assert.ok(out.includes(line), line);
  });
});

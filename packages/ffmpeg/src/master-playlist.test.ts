import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { buildMasterPlaylist, type MasterPlaylistRendition } from './master-playlist.js';

const video = (resolution: number, width: number, bandwidth: number, audioCodec: string | null): MasterPlaylistRendition => ({
  uri: `u${resolution}.m3u8`,
  resolution,
  width,
  height: resolution,
  fps: 30,
  bandwidth,
  videoCodec: resolution === 720 ? 'avc1.64001f' : 'avc1.64001e',
  audioCodec,
});
const audio: MasterPlaylistRendition = {
  uri: 'u0.m3u8',
  resolution: 0,
  width: 0,
  height: 0,
  fps: 0,
  bandwidth: 130000,
  videoCodec: null,
  audioCodec: 'mp4a.40.2',
};

describe('buildMasterPlaylist', () => {
  it('lists video rungs by increasing resolution, each with its own audio', () => {
    const text = buildMasterPlaylist([video(720, 1280, 2950000, 'mp4a.40.2'), video(360, 640, 1010000, 'mp4a.40.2'), audio]);
    assert.equal(
      text,
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '',
        '#EXT-X-STREAM-INF:BANDWIDTH=1010000,RESOLUTION=640x360,FRAME-RATE=30,CODECS="avc1.64001e,mp4a.40.2"',
        'u360.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=2950000,RESOLUTION=1280x720,FRAME-RATE=30,CODECS="avc1.64001f,mp4a.40.2"',
        'u720.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('announces the audio-only rung as the audio group when video rungs are silent, with captions', () => {
    const text = buildMasterPlaylist([video(360, 640, 880000, null), audio], [{ name: 'English', language: 'en', uri: 'c-en.m3u8' }]);
    assert.equal(
      text,
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '',
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subtitles",NAME="English",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,LANGUAGE="en",URI="c-en.m3u8"',
        '',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Audio",AUTOSELECT=YES,DEFAULT=YES,URI="u0.m3u8"',
        '',
        '#EXT-X-STREAM-INF:BANDWIDTH=1010000,RESOLUTION=640x360,FRAME-RATE=30,CODECS="avc1.64001e,mp4a.40.2",AUDIO="audio",SUBTITLES="subtitles"',
        'u360.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('lists the audio-only rung as a variant when it is the only one', () => {
    assert.equal(
      buildMasterPlaylist([audio]),
      '#EXTM3U\n#EXT-X-VERSION:3\n\n#EXT-X-STREAM-INF:BANDWIDTH=130000,CODECS="mp4a.40.2"\nu0.m3u8\n',
    );
  });

  it('refuses an empty list', () => {
    assert.throws(() => buildMasterPlaylist([]));
  });
});

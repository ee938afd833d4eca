import assert from 'node:assert/strict';
import { chapterAt, formatTimecode } from './chapter-time';
import { qualityChoices } from './quality';
import { createRequestAuthorizer, VIDEO_PASSWORD_HEADER } from './request-auth';

const ORIGIN = 'https://video.example';

describe('player request credentials', () => {
  it('sends the password, bearer token and file token to our own origin', () => {
    const authorize = createRequestAuthorizer({ videoPassword: 'pw', bearerToken: () => 'tok', videoFileToken: 'ft' }, ORIGIN);
    const req = authorize(`${ORIGIN}/static/streaming-playlists/hls/private/u/master.m3u8`);
    assert.equal(req.headers[VIDEO_PASSWORD_HEADER], 'pw');
    assert.equal(req.headers['authorization'], 'Bearer tok');
    assert.equal(new URL(req.url).searchParams.get('videoFileToken'), 'ft');
  });

  it('never sends credentials to another host (mirrors, CDNs)', () => {
    const authorize = createRequestAuthorizer({ videoPassword: 'pw', bearerToken: 'tok', videoFileToken: 'ft' }, ORIGIN);
    const url = 'https://mirror.example/static/redundancy/hls/u/1.mp4';
    assert.deepEqual(authorize(url), { url, headers: {} });
  });

  it('leaves public requests untouched', () => {
    const url = `${ORIGIN}/static/streaming-playlists/hls/u/master.m3u8`;
    assert.deepEqual(createRequestAuthorizer(undefined, ORIGIN)(url), { url, headers: {} });
    assert.deepEqual(createRequestAuthorizer({}, ORIGIN)(url), { url, headers: {} });
  });
});

describe('player chapters', () => {
  const chapters = [
    { timecode: 0, title: 'Intro' },
    { timecode: 60, title: 'Main' },
    { timecode: 125, title: 'End' },
  ];

  it('finds the chapter playing at a time', () => {
    assert.equal(chapterAt(chapters, 0)?.title, 'Intro');
    assert.equal(chapterAt(chapters, 59.9)?.title, 'Intro');
    assert.equal(chapterAt(chapters, 60)?.title, 'Main');
    assert.equal(chapterAt(chapters, 999)?.title, 'End');
    assert.equal(chapterAt([{ timecode: 10, title: 'Late' }], 5), undefined);
  });

  it('formats timecodes like the seek bar', () => {
    assert.equal(formatTimecode(0), '0:00');
    assert.equal(formatTimecode(125), '2:05');
    assert.equal(formatTimecode(3725), '1:02:05');
  });
});

describe('player quality menu', () => {
  it('lists renditions from the best, labelled by their short side and high frame rates', () => {
    const levels = [
      { width: 426, height: 240, frameRate: 30 },
      { width: 1920, height: 1080, frameRate: 60 },
      { width: 720, height: 1280, frameRate: 30 },
      { width: 0, height: 0 },
    ];
    assert.deepEqual(
      qualityChoices(levels).map((q) => [q.index, q.label]),
      [
        [1, '1080p60'],
        [2, '720p'],
        [0, '240p'],
        [3, 'Audio only'],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createSegmentValidator, expectedSegmentHash, segmentFileName, type SegmentHashes } from './segment-hashes';
import { LIVE_LATENCY, p2pSwarmId, p2pUnavailableReason, storedP2PPreference } from './p2p-policy';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const bytes = (text: string) => new TextEncoder().encode(text);
const buffer = (data: Uint8Array) => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;

const FILE_URL = 'https://video.example/static/streaming-playlists/hls/u1/9a0e-240-fragmented.mp4';
const first = bytes('first segment bytes');
const second = bytes('second segment');
const VOD: SegmentHashes = { '9a0e-240-fragmented.mp4': { '1320-1338': sha(first), '1339-1352': sha(second) } };
const noSleep = async () => undefined;

describe('P2P segment checks', () => {
  it('reads the hash key from the file name, ignoring the query (file token)', () => {
    assert.equal(segmentFileName(`${FILE_URL}?videoFileToken=secret`), '9a0e-240-fragmented.mp4');
    assert.equal(expectedSegmentHash(VOD, FILE_URL, { start: 1339, end: 1352 }), sha(second));
    assert.equal(expectedSegmentHash(VOD, FILE_URL, { start: 0, end: 10 }), undefined);
  });

  it('accepts a VOD segment whose bytes match its byte range hash', async () => {
    const validate = createSegmentValidator({ load: async () => VOD, isLive: false, sleep: noSleep });
    assert.equal(await validate(FILE_URL, { start: 1320, end: 1338 }, buffer(first)), true);
  });

  it('rejects a corrupted peer segment', async () => {
    const validate = createSegmentValidator({ load: async () => VOD, isLive: false, sleep: noSleep });
    const corrupted = new Uint8Array(first);
    corrupted[3] ^= 0xff;
    assert.equal(await validate(FILE_URL, { start: 1320, end: 1338 }, buffer(corrupted)), false);
    // The right bytes at the wrong place are refused too.
    assert.equal(await validate(FILE_URL, { start: 1339, end: 1352 }, buffer(first)), false);
  });

  it('rejects segments the hash JSON does not list, and when the JSON cannot be loaded', async () => {
    const listed = createSegmentValidator({ load: async () => VOD, isLive: false, sleep: noSleep });
    assert.equal(await listed('https://video.example/other-240-fragmented.mp4', { start: 1320, end: 1338 }, buffer(first)), false);
    const broken = createSegmentValidator({
      load: async () => {
        throw new Error('HTTP 403');
      },
      isLive: false,
      sleep: noSleep,
    });
    assert.equal(await broken(FILE_URL, { start: 1320, end: 1338 }, buffer(first)), false);
  });

  it('reloads a live hash map until the new segment is listed', async () => {
    const segment = bytes('live ts segment');
    let loads = 0;
    const validate = createSegmentValidator({
      isLive: true,
      sleep: noSleep,
      load: async () => (++loads < 3 ? { '0-000001.ts': 'aa' } : { '0-000001.ts': 'aa', '0-000002.ts': sha(segment) }),
    });
    assert.equal(await validate('https://video.example/static/streaming-playlists/hls/u/0-000002.ts', undefined, buffer(segment)), true);
    assert.equal(loads, 3);
  });
});

describe('P2P availability', () => {
  const base = {
    trackerEnabled: true,
    trackerUrls: ['http://v.example/tracker/announce', 'ws://v.example/tracker/socket'],
    segmentsSha256Url: 'http://v.example/s.json',
    isLive: false,
  };
  const env = { webRtc: true, webCrypto: true };

  it('is on for a VOD with a tracker and hashes, off for small-latency lives and a disabled tracker', () => {
    assert.equal(p2pUnavailableReason(base, env), null);
    assert.equal(p2pUnavailableReason({ ...base, isLive: true, latencyMode: LIVE_LATENCY.DEFAULT }, env), null);
    assert.match(p2pUnavailableReason({ ...base, isLive: true, latencyMode: LIVE_LATENCY.SMALL }, env) ?? '', /small-latency/);
    assert.match(p2pUnavailableReason({ ...base, trackerEnabled: false }, env) ?? '', /instance/);
    assert.match(p2pUnavailableReason({ ...base, segmentsSha256Url: null }, env) ?? '', /hashes/);
    assert.match(p2pUnavailableReason(base, { ...env, webCrypto: false }) ?? '', /secure/);
  });

  it('keeps private swarms apart from public ones with the secret hash file name', () => {
    assert.equal(p2pSwarmId({ uuid: 'u1', segmentsSha256Url: 'http://v/s/x.json', privateFiles: false }), 'shoal-u1');
    assert.equal(
      p2pSwarmId({ uuid: 'u1', segmentsSha256Url: 'http://v/private/u1/5b7e-segments-sha256.json', privateFiles: true }),
      'shoal-u1-5b7e-segments-sha256',
    );
  });

  it('reads the stored preference, null when never chosen', () => {
    assert.equal(storedP2PPreference({ getItem: () => null }), null);
    assert.equal(storedP2PPreference({ getItem: () => 'false' }), false);
    assert.equal(storedP2PPreference({ getItem: () => 'true' }), true);
  });
});

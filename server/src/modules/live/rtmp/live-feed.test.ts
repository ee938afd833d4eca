import assert from 'node:assert/strict';
import { encodeAmf0, encodeAmf0EcmaArray } from './amf0';
import { LiveFeed, type FlvTag } from './live-feed';
import { MessageType } from './rtmp-chunks';

const avcConfig = Buffer.from([0x17, 0, 0, 0, 0, 1]);
const keyframe = (n: number) => Buffer.from([0x17, 1, 0, 0, 0, n]);
const interframe = (n: number) => Buffer.from([0x27, 1, 0, 0, 0, n]);
const aacConfig = Buffer.from([0xaf, 0, 0x12, 0x10]);
const metadata = Buffer.concat([
  encodeAmf0('@setDataFrame', 'onMetaData'),
  encodeAmf0EcmaArray({ width: 426, height: 240, framerate: 25, videocodecid: 7, audiocodecid: 10 }),
]);

describe('LiveFeed', () => {
  it('gives a late subscriber the metadata, decoder configurations and the current GOP only', () => {
    const feed = new LiveFeed('live', 'key', () => undefined);
    feed.push(MessageType.DATA_AMF0, 0, metadata);
    feed.push(MessageType.VIDEO, 0, avcConfig);
    feed.push(MessageType.AUDIO, 0, aacConfig);
    feed.push(MessageType.VIDEO, 0, keyframe(1));
    feed.push(MessageType.VIDEO, 40, interframe(2));
    feed.push(MessageType.VIDEO, 1000, keyframe(3));
    feed.push(MessageType.VIDEO, 1040, interframe(4));

    const got: FlvTag[] = [];
    feed.subscribe((t) => got.push(t));
    assert.deepEqual(
      got.map((t) => [t.type, t.timestamp]),
      [
        [18, 0],
        [9, 1000],
        [8, 1000],
        [9, 1000],
        [9, 1040],
      ],
    );
    assert.deepEqual(feed.source, { width: 426, height: 240, fps: 25 });
    assert.ok(feed.hasAudio && feed.hasVideo);
  });

  it('is ready once the announced configurations arrived, and tells its end once', async () => {
    const feed = new LiveFeed('live', 'key', () => undefined);
    let ready = false;
    const waiting = feed.ready(5000).then(() => (ready = true));
    feed.push(MessageType.DATA_AMF0, 0, metadata);
    feed.push(MessageType.VIDEO, 0, avcConfig);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(ready, false, 'audio announced but not configured yet');
    feed.push(MessageType.AUDIO, 0, aacConfig);
    await waiting;

    let ends = 0;
    feed.onEnd(() => ends++);
    feed.end();
    feed.end();
    feed.onEnd(() => ends++);
    assert.equal(ends, 2);
  });
});

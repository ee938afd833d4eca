import type { FlvTag } from './live-feed';

/** FLV file header (with PreviousTagSize0) announcing the streams the feed carries. */
export function flvHeader(hasAudio: boolean, hasVideo: boolean): Buffer {
  const b = Buffer.from([0x46, 0x4c, 0x56, 0x01, (hasAudio ? 4 : 0) | (hasVideo ? 1 : 0), 0, 0, 0, 9, 0, 0, 0, 0]);
  return b;
}

/** One FLV tag followed by its PreviousTagSize. */
export function flvTag(tag: FlvTag, timestampOffset = 0): Buffer {
  const ts = Math.max(0, tag.timestamp - timestampOffset);
  const head = Buffer.alloc(11);
  head[0] = tag.type;
  head.writeUIntBE(tag.data.length, 1, 3);
  head.writeUIntBE(ts & 0xffffff, 4, 3);
  head[7] = (ts >>> 24) & 0xff;
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(11 + tag.data.length);
  return Buffer.concat([head, tag.data, tail]);
}

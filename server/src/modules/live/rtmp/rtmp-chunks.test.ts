import assert from 'node:assert/strict';
import { ChunkReader, encodeChunks, MessageType, RtmpProtocolError } from './rtmp-chunks';

describe('RTMP chunk stream', () => {
  it('reassembles a message split in chunks and delivered byte by byte', () => {
    const payload = Buffer.alloc(1000, 7);
    const wire = encodeChunks(6, { typeId: MessageType.VIDEO, streamId: 1, timestamp: 40, payload }, 128);
    const reader = new ChunkReader();
    const got = [...wire].flatMap((byte) => reader.push(Buffer.from([byte])));
    assert.equal(got.length, 1);
    assert.deepEqual(got[0], { typeId: MessageType.VIDEO, streamId: 1, timestamp: 40, payload });
  });

  it('applies timestamp deltas of compressed headers and extended timestamps', () => {
    const reader = new ChunkReader();
    reader.chunkSize = 4096;
    const first = encodeChunks(4, { typeId: 8, streamId: 1, timestamp: 0x1000000, payload: Buffer.from([1, 2]) }, 4096);
    // fmt 2 header: only a delta of 23 ms, same length/type/stream.
    const second = Buffer.from([(2 << 6) | 4, 0, 0, 23, 9, 9]);
    const msgs = reader.push(Buffer.concat([first, second]));
    assert.deepEqual(
      msgs.map((m) => m.timestamp),
      [0x1000000, 0x1000000 + 23],
    );
  });

  it('refuses a chunk stream that starts with a compressed header', () => {
    assert.throws(() => new ChunkReader().push(Buffer.from([(3 << 6) | 5, 1])), RtmpProtocolError);
  });
});

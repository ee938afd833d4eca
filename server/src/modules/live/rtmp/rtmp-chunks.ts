/** One reassembled RTMP message. */
export interface RtmpMessage {
  typeId: number;
  streamId: number;
  timestamp: number;
  payload: Buffer;
}

export const MessageType = {
  SET_CHUNK_SIZE: 1,
  ABORT: 2,
  ACK: 3,
  USER_CONTROL: 4,
  WINDOW_ACK_SIZE: 5,
  SET_PEER_BANDWIDTH: 6,
  AUDIO: 8,
  VIDEO: 9,
  DATA_AMF3: 15,
  COMMAND_AMF3: 17,
  DATA_AMF0: 18,
  COMMAND_AMF0: 20,
} as const;

export class RtmpProtocolError extends Error {}

interface ChunkStreamState {
  timestamp: number;
  delta: number;
  length: number;
  typeId: number;
  streamId: number;
  extended: boolean;
  parts: Buffer[];
  received: number;
}

/** Larger messages than this are a broken or hostile peer (a 4K keyframe is far below). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const MAX_CHUNK_STREAMS = 64;

/**
 * Reassembles messages from the chunk stream (RTMP spec §5.3): four header formats,
 * 1-3 byte chunk stream ids, extended timestamps, per-stream header compression.
 * `push` bytes as they arrive; complete messages come out in order.
 */
export class ChunkReader {
  chunkSize = 128;
  private buf: Buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, ChunkStreamState>();

  push(data: Buffer): RtmpMessage[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : data;
    const out: RtmpMessage[] = [];
    let pos = 0;
    for (;;) {
      const used = this.readChunk(pos, out);
      if (used === 0) break;
      pos += used;
    }
    this.buf = pos >= this.buf.length ? Buffer.alloc(0) : this.buf.subarray(pos);
    return out;
  }

  /** Parses one chunk at `start`; 0 when it is not complete yet. */
  private readChunk(start: number, out: RtmpMessage[]): number {
    const b = this.buf;
    if (b.length - start < 1) return 0;
    const fmt = b[start] >> 6;
    let csid = b[start] & 0x3f;
    let pos = start + 1;
    if (csid === 0) {
      if (b.length - pos < 1) return 0;
      csid = 64 + b[pos];
      pos += 1;
    } else if (csid === 1) {
      if (b.length - pos < 2) return 0;
      csid = 64 + b[pos] + b[pos + 1] * 256;
      pos += 2;
    }
    const headerLen = [11, 7, 3, 0][fmt];
    if (b.length - pos < headerLen) return 0;
    const prev = this.streams.get(csid);
    if (fmt !== 0 && !prev) throw new RtmpProtocolError(`chunk stream ${csid} starts without a full header`);
    const s: ChunkStreamState = prev ?? {
      timestamp: 0,
      delta: 0,
      length: 0,
      typeId: 0,
      streamId: 0,
      extended: false,
      parts: [],
      received: 0,
    };
    let tsField = s.extended ? 0xffffff : 0;
    let length = s.length;
    let typeId = s.typeId;
    let streamId = s.streamId;
    if (fmt <= 2) tsField = b.readUIntBE(pos, 3);
    if (fmt <= 1) {
      length = b.readUIntBE(pos + 3, 3);
      typeId = b[pos + 6];
    }
    if (fmt === 0) streamId = b.readUInt32LE(pos + 7);
    pos += headerLen;
    const extended = fmt === 3 ? s.extended : tsField === 0xffffff;
    if (extended) {
      if (b.length - pos < 4) return 0;
      tsField = b.readUInt32BE(pos);
      pos += 4;
    }
    const starting = s.received === 0;
    const remaining = (starting ? length : s.length) - s.received;
    const take = Math.min(this.chunkSize, remaining);
    if (b.length - pos < take) return 0;

    // Only now commit the header: the whole chunk is available.
    if (starting) {
      if (length > MAX_MESSAGE_BYTES) throw new RtmpProtocolError(`message of ${length} bytes`);
      if (fmt === 0) {
        s.timestamp = tsField;
        s.delta = 0;
      } else if (fmt === 1 || fmt === 2) {
        s.delta = tsField;
        s.timestamp += tsField;
      } else {
        s.timestamp += s.delta;
      }
      s.length = length;
      s.typeId = typeId;
      s.streamId = streamId;
    }
    if (fmt !== 3) s.extended = extended;
    if (!prev) {
      if (this.streams.size >= MAX_CHUNK_STREAMS) throw new RtmpProtocolError('too many chunk streams');
      this.streams.set(csid, s);
    }
    s.parts.push(b.subarray(pos, pos + take));
    s.received += take;
    pos += take;
    if (s.received === s.length) {
      out.push({ typeId: s.typeId, streamId: s.streamId, timestamp: s.timestamp >>> 0, payload: Buffer.concat(s.parts) });
      s.parts = [];
      s.received = 0;
    }
    return pos - start;
  }
}

/** Splits a message into chunks: a full header (fmt 0) first, then fmt 3 continuations. */
export function encodeChunks(csid: number, msg: RtmpMessage, chunkSize: number): Buffer {
  const extended = msg.timestamp >= 0xffffff;
  const basic = (fmt: number) => (csid < 64 ? Buffer.from([(fmt << 6) | csid]) : Buffer.from([fmt << 6, csid - 64]));
  const ext = () => {
    const e = Buffer.alloc(4);
    e.writeUInt32BE(msg.timestamp >>> 0);
    return e;
  };
  const header = Buffer.alloc(11);
  header.writeUIntBE(extended ? 0xffffff : msg.timestamp, 0, 3);
  header.writeUIntBE(msg.payload.length, 3, 3);
  header[6] = msg.typeId;
  header.writeUInt32LE(msg.streamId, 7);
  const parts: Buffer[] = [basic(0), header];
  if (extended) parts.push(ext());
  for (let pos = 0; pos < msg.payload.length || pos === 0; pos += chunkSize) {
    if (pos > 0) {
      parts.push(basic(3));
      if (extended) parts.push(ext());
    }
    parts.push(msg.payload.subarray(pos, pos + chunkSize));
    if (msg.payload.length === 0) break;
  }
  return Buffer.concat(parts);
}

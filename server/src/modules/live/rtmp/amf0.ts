/**
 * AMF0, the value encoding of RTMP commands and stream metadata. Only the types encoders
 * and players send are read; anything else stops the decode (the connection is dropped).
 */
export type AmfValue = number | boolean | string | null | undefined | Date | AmfValue[] | { [key: string]: AmfValue };

const T = {
  NUMBER: 0,
  BOOLEAN: 1,
  STRING: 2,
  OBJECT: 3,
  NULL: 5,
  UNDEFINED: 6,
  ECMA_ARRAY: 8,
  OBJECT_END: 9,
  STRICT_ARRAY: 10,
  DATE: 11,
  LONG_STRING: 12,
};

export class AmfError extends Error {}

/** Decodes every value of a command or data message body. */
export function decodeAmf0(buf: Buffer): AmfValue[] {
  const values: AmfValue[] = [];
  const reader = { buf, pos: 0 };
  while (reader.pos < buf.length) values.push(readValue(reader));
  return values;
}

interface Reader {
  buf: Buffer;
  pos: number;
}

function need(r: Reader, n: number): void {
  if (r.pos + n > r.buf.length) throw new AmfError('truncated AMF0 value');
}

function readString(r: Reader, long = false): string {
  need(r, long ? 4 : 2);
  const len = long ? r.buf.readUInt32BE(r.pos) : r.buf.readUInt16BE(r.pos);
  r.pos += long ? 4 : 2;
  need(r, len);
  const s = r.buf.toString('utf8', r.pos, r.pos + len);
  r.pos += len;
  return s;
}

function readProperties(r: Reader): Record<string, AmfValue> {
  const obj: Record<string, AmfValue> = {};
  for (;;) {
    const key = readString(r);
    need(r, 1);
    if (key === '' && r.buf[r.pos] === T.OBJECT_END) {
      r.pos += 1;
      return obj;
    }
    obj[key] = readValue(r);
  }
}

function readValue(r: Reader): AmfValue {
  need(r, 1);
  const type = r.buf[r.pos++];
  switch (type) {
    case T.NUMBER:
      need(r, 8);
      r.pos += 8;
      return r.buf.readDoubleBE(r.pos - 8);
    case T.BOOLEAN:
      need(r, 1);
      return r.buf[r.pos++] !== 0;
    case T.STRING:
      return readString(r);
    case T.LONG_STRING:
      return readString(r, true);
    case T.OBJECT:
      return readProperties(r);
    case T.NULL:
      return null;
    case T.UNDEFINED:
      return undefined;
    case T.ECMA_ARRAY:
      need(r, 4);
      r.pos += 4; // the count is advisory: the end marker decides
      return readProperties(r);
    case T.STRICT_ARRAY: {
      need(r, 4);
      const count = r.buf.readUInt32BE(r.pos);
      r.pos += 4;
      const list: AmfValue[] = [];
      for (let i = 0; i < count; i++) list.push(readValue(r));
      return list;
    }
    case T.DATE:
      need(r, 10);
      r.pos += 10;
      return new Date(r.buf.readDoubleBE(r.pos - 10));
    default:
      throw new AmfError(`unsupported AMF0 type ${type}`);
  }
}

function writeString(s: string): Buffer {
  const body = Buffer.from(s, 'utf8');
  const head = Buffer.alloc(2);
  head.writeUInt16BE(body.length);
  return Buffer.concat([head, body]);
}

function writeValue(v: AmfValue): Buffer {
  if (typeof v === 'number') {
    const b = Buffer.alloc(9);
    b[0] = T.NUMBER;
    b.writeDoubleBE(v, 1);
    return b;
  }
  if (typeof v === 'boolean') return Buffer.from([T.BOOLEAN, v ? 1 : 0]);
  if (typeof v === 'string') return Buffer.concat([Buffer.from([T.STRING]), writeString(v)]);
  if (v === null) return Buffer.from([T.NULL]);
  if (v === undefined) return Buffer.from([T.UNDEFINED]);
  if (v instanceof Date) {
    const b = Buffer.alloc(11);
    b[0] = T.DATE;
    b.writeDoubleBE(v.getTime(), 1);
    return b;
  }
  if (Array.isArray(v)) {
    const head = Buffer.alloc(5);
    head[0] = T.STRICT_ARRAY;
    head.writeUInt32BE(v.length, 1);
    return Buffer.concat([head, ...v.map(writeValue)]);
  }
  const parts = Object.entries(v).flatMap(([k, val]) => [writeString(k), writeValue(val)]);
  return Buffer.concat([Buffer.from([T.OBJECT]), ...parts, Buffer.from([0, 0, T.OBJECT_END])]);
}

/** Encodes values one after the other, as a command or data message body. */
export function encodeAmf0(...values: AmfValue[]): Buffer {
  return Buffer.concat(values.map(writeValue));
}

/** Metadata as an ECMA array, the form FLV files and players expect for onMetaData. */
export function encodeAmf0EcmaArray(obj: Record<string, AmfValue>): Buffer {
  const head = Buffer.alloc(5);
  head[0] = T.ECMA_ARRAY;
  head.writeUInt32BE(Object.keys(obj).length, 1);
  const object = writeValue(obj);
  return Buffer.concat([head, object.subarray(1)]);
}

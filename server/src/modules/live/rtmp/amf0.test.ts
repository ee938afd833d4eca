import assert from 'node:assert/strict';
import { AmfError, decodeAmf0, encodeAmf0, encodeAmf0EcmaArray } from './amf0';

describe('AMF0', () => {
  it('round-trips a connect command', () => {
    const values = ['connect', 1, { app: 'live', tcUrl: 'rtmp://h/live', fpad: false, audioCodecs: 3191 }, null, undefined];
    assert.deepEqual(decodeAmf0(encodeAmf0(...values)), values);
  });

  it('reads an ECMA array as an object and strict arrays as lists', () => {
    const meta = { width: 256, height: 144, encoder: 'Lavf' };
    assert.deepEqual(decodeAmf0(encodeAmf0EcmaArray(meta)), [meta]);
    assert.deepEqual(decodeAmf0(encodeAmf0([1, 'a', true])), [[1, 'a', true]]);
  });

  it('refuses a truncated value instead of reading past the buffer', () => {
    const whole = encodeAmf0('publish');
    assert.throws(() => decodeAmf0(whole.subarray(0, whole.length - 2)), AmfError);
    assert.throws(() => decodeAmf0(Buffer.from([0x11])), AmfError);
  });
});

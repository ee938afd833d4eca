import assert from 'node:assert/strict';
import { nextOffset } from './resumable-upload';

describe('client resumable upload', () => {
  it('resumes after the last byte the server acknowledged', () => {
    assert.equal(nextOffset('bytes=0-1048575'), 1048576);
    assert.equal(nextOffset('bytes=0-0'), 1);
  });

  it('starts over when the server kept nothing', () => {
    assert.equal(nextOffset(null), 0);
    assert.equal(nextOffset('garbage'), 0);
  });
});

import assert from 'node:assert/strict';
import { parseContentRange } from './content-range';

describe('Content-Range parsing', () => {
  it('reads a chunk range with inclusive ends', () => {
    assert.deepEqual(parseContentRange('bytes 0-262143/2469036'), { kind: 'chunk', start: 0, end: 262143, total: 2469036 });
  });
  it('reads a status query', () => {
    assert.deepEqual(parseContentRange('bytes */100'), { kind: 'status', total: 100 });
  });
  it('rejects ranges past the total, reversed ranges and junk', () => {
    assert.equal(parseContentRange('bytes 0-100/100'), null);
    assert.equal(parseContentRange('bytes 5-4/100'), null);
    assert.equal(parseContentRange('items 0-1/2'), null);
    assert.equal(parseContentRange(undefined), null);
  });
});

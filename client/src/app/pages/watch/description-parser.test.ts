import assert from 'node:assert/strict';
import { parseDescription, timestampToSeconds } from './description-parser';

describe('client description parsing', () => {
  it('turns timestamps into seek targets', () => {
    assert.deepEqual(parseDescription('See 1:23 and 1:02:03.'), [
      { kind: 'text', text: 'See ' },
      { kind: 'time', text: '1:23', seconds: 83 },
      { kind: 'text', text: ' and ' },
      { kind: 'time', text: '1:02:03', seconds: 3723 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves other numbers, ratios and clock-like parts of longer numbers as text', () => {
    for (const text of ['In 2024 we grew 3x', 'Ratio 1:7 is odd', 'id 12:34:56:78']) {
      assert.ok(
        parseDescription(text).every((p) => p.kind === 'text'),
        text,
      );
    }
  });

  it('links http(s) URLs without trailing punctuation and never other schemes', () => {
    const parts = parseDescription('Visit https://example.org/a?b=1. Or javascript:alert(1)');
    assert.deepEqual(parts[1], { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' });
    assert.ok(parts.filter((p) => p.kind === 'link').length === 1);
  });

  it('converts timestamps to seconds', () => {
    assert.equal(timestampToSeconds('0:05'), 5);
    assert.equal(timestampToSeconds('10:00'), 600);
    assert.equal(timestampToSeconds('2:00:01'), 7201);
  });
});

import assert from 'node:assert/strict';
import { durationLabel, formatBytes, formatDuration, timeAgo } from './format';

describe('client formatting', () => {
  it('formats durations for eyes and for screen readers', () => {
    assert.equal(formatDuration(75), '1:15');
    assert.equal(formatDuration(3725), '1:02:05');
    assert.equal(durationLabel(75), '1 minute 15 seconds');
    assert.equal(durationLabel(0), '0 seconds');
  });

  it('formats sizes and ages', () => {
    assert.equal(formatBytes(-1), 'unlimited');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(timeAgo('2026-01-01T00:00:00Z', Date.parse('2026-01-03T00:00:00Z')), '2 days ago');
    assert.equal(timeAgo('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:20Z')), 'just now');
  });
});

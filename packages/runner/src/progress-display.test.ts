import assert from 'node:assert/strict';
import { progressBar, progressLines, progressQuarter, StatusLines } from './progress-display';

describe('shoal-runner progress display', () => {
  it('draws a bar proportional to the progress, clamped to 0–100', () => {
    assert.equal(progressBar(0), '[--------------------]   0%');
    assert.equal(progressBar(40), '[########------------]  40%');
    assert.equal(progressBar(150), '[####################] 100%');
    assert.equal(progressBar(-3), '[--------------------]   0%');
  });

  it('shows one line per job with its short id, type and elapsed time', () => {
    const lines = progressLines([{ uuid: '0123456789abcdef', type: 'vod-hls-ladder-transcoding', progress: 55, startedAt: 1_000 }], 76_000);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^01234567 vod-hls-ladder-transcoding\s+\[#{11}-{9}\]\s+55% 1:15$/);
    assert.deepEqual(progressLines([], 0), ['waiting for jobs…']);
  });

  it('counts quarters for the non-terminal progress log', () => {
    assert.deepEqual([0, 24, 25, 74, 99, 100].map(progressQuarter), [0, 0, 1, 2, 3, 4]);
  });

  it('erases its previous lines before drawing new ones and truncates to the terminal width', () => {
    let out = '';
    const lines = new StatusLines({ write: (s: string) => (out += s), columns: 12 });
    lines.show(['first line is long', 'second']);
    assert.equal(out, 'first line \nsecond');
    out = '';
    lines.show(['again']);
    assert.equal(out, '\r\x1b[1A\x1b[Jagain');
    out = '';
    lines.clear();
    assert.equal(out, '\r\x1b[J');
  });
});

import assert from 'node:assert/strict';
import { chaptersAfterDescriptionChange, chaptersFromDescription, sameChapters, timecodeToSeconds } from './chapter-parser';

describe('chapter timecodes', () => {
  it('reads colon forms from the right', () => {
    assert.equal(timecodeToSeconds('83'), 83);
    assert.equal(timecodeToSeconds('02:03'), 123);
    assert.equal(timecodeToSeconds('1:02:03'), 3723);
    assert.equal(timecodeToSeconds('00:00'), 0);
  });

  it('reads unit letters', () => {
    assert.equal(timecodeToSeconds('1h2m3s'), 3723);
    assert.equal(timecodeToSeconds('2m30s'), 150);
    assert.equal(timecodeToSeconds('45s'), 45);
    assert.equal(timecodeToSeconds('1h3s'), 3603);
  });

  it('reads mixed forms', () => {
    assert.equal(timecodeToSeconds('1h02:03'), 3723);
    assert.equal(timecodeToSeconds('1m30'), 90);
  });
});

describe('chapters from a description', () => {
  it('reads a block of chapter lines with their titles', () => {
    const description = 'My trip.\n\n00:00 Intro\n01:30 The road\n1:02:03 The end  \n\nThanks for watching';
    assert.deepEqual(chaptersFromDescription(description), [
      { timecode: 0, title: 'Intro' },
      { timecode: 90, title: 'The road' },
      { timecode: 3723, title: 'The end' },
    ]);
  });

  it('accepts letter timecodes and Windows line ends', () => {
    assert.deepEqual(chaptersFromDescription('0s Start\r\n2m30s Middle\r\n1h2m3s Late'), [
      { timecode: 0, title: 'Start' },
      { timecode: 150, title: 'Middle' },
      { timecode: 3723, title: 'Late' },
    ]);
  });

  it('stops at the first line after the block that is not a chapter', () => {
    const description = '00:10 One\n00:20 Two\nnot a chapter\n00:30 Three\n00:40 Four';
    assert.deepEqual(
      chaptersFromDescription(description).map((c) => c.timecode),
      [10, 20],
    );
  });

  it('keeps nothing when fewer than two chapters are found', () => {
    assert.deepEqual(chaptersFromDescription('00:10 Only one\nthen prose'), []);
    assert.deepEqual(chaptersFromDescription('no chapters at all'), []);
    assert.deepEqual(chaptersFromDescription(''), []);
    assert.deepEqual(chaptersFromDescription(null), []);
  });

  it('needs whitespace and a title after the timecode', () => {
    assert.deepEqual(chaptersFromDescription('00:10Intro\n00:20Outro'), []);
    assert.deepEqual(chaptersFromDescription('00:10 \n00:20   '), []);
    assert.deepEqual(chaptersFromDescription(' 00:10 Indented\n 00:20 Lines'), []);
  });

  it('reads a bare number followed by text as seconds, like PeerTube', () => {
    assert.deepEqual(chaptersFromDescription('2024 was a good year\n2025 will be better'), [
      { timecode: 2024, title: 'was a good year' },
      { timecode: 2025, title: 'will be better' },
    ]);
  });

  it('cuts titles to 100 characters', () => {
    const [first] = chaptersFromDescription(`00:00 ${'x'.repeat(150)}\n00:10 End`);
    assert.equal(first.title.length, 100);
  });

  it('keeps the first title of a repeated timecode', () => {
    assert.deepEqual(chaptersFromDescription('00:00 A\n00:00 B\n00:05 C'), [
      { timecode: 0, title: 'A' },
      { timecode: 5, title: 'C' },
    ]);
  });

  it('compares chapter lists whatever their order', () => {
    const a = [
      { timecode: 5, title: 'B' },
      { timecode: 0, title: 'A' },
    ];
    assert.ok(sameChapters(a, [...a].reverse()));
    assert.ok(!sameChapters(a, [{ timecode: 0, title: 'A' }]));
    assert.ok(!sameChapters(a, [a[0], { timecode: 0, title: 'other' }]));
    assert.ok(sameChapters([], []));
  });
});

describe('chapters after a description change', () => {
  const oldText = '00:00 Intro\n00:30 Talk';
  const newText = '00:00 Intro\n00:45 Talk\n01:30 Questions';
  const fromOld = chaptersFromDescription(oldText);

  it('follows the description while chapters are the ones it gave', () => {
    assert.deepEqual(chaptersAfterDescriptionChange(fromOld, oldText, newText), chaptersFromDescription(newText));
  });

  it('sets chapters from the first description of a new video', () => {
    assert.deepEqual(chaptersAfterDescriptionChange([], null, newText), chaptersFromDescription(newText));
  });

  it('clears them when the new description has none', () => {
    assert.deepEqual(chaptersAfterDescriptionChange(fromOld, oldText, 'No more chapters'), []);
  });

  it('never overwrites chapters edited by hand', () => {
    const edited = [{ timecode: 0, title: 'My own intro' }];
    assert.equal(chaptersAfterDescriptionChange(edited, oldText, newText), null);
    assert.equal(chaptersAfterDescriptionChange(edited, null, newText), null);
  });

  it('changes nothing when the chapters stay the same', () => {
    assert.equal(chaptersAfterDescriptionChange(fromOld, oldText, `${oldText}\n\nNew closing words`), null);
    assert.equal(chaptersAfterDescriptionChange([], null, 'plain text'), null);
  });
});

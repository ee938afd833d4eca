import assert from 'node:assert/strict';
import { computeAutomaticTags, hasExternalLink } from './automatic-tags';

describe('automatic tags', () => {
  const lists = [
    { listName: 'insults', words: ['idiot', 'bad word'] },
    { listName: 'spam', words: ['c++'] },
  ];

  it('tags a list when one of its words appears as a whole word, any case', () => {
    assert.deepEqual(computeAutomaticTags('You IDIOT!', lists, 'me.example'), ['insults']);
    assert.deepEqual(computeAutomaticTags('a Bad Word here', lists, 'me.example'), ['insults']);
    assert.deepEqual(computeAutomaticTags('idiotic but fine', lists, 'me.example'), []);
  });

  it('escapes words that look like regular expressions', () => {
    assert.deepEqual(computeAutomaticTags('learn c++ now', lists, 'me.example'), ['spam']);
    assert.deepEqual(computeAutomaticTags('learn cc now', lists, 'me.example'), []);
  });

  it('adds external-link for links to other hosts only', () => {
    assert.equal(hasExternalLink('see https://evil.example/x', 'me.example'), true);
    assert.equal(hasExternalLink('see evil.com', 'me.example'), true);
    assert.equal(hasExternalLink('see https://me.example/w/abc', 'me.example'), false);
    assert.equal(hasExternalLink('mail me@me.example', 'me.example'), false);
    assert.deepEqual(computeAutomaticTags('idiot https://x.example', lists, 'me.example'), ['external-link', 'insults']);
  });
});

import assert from 'node:assert/strict';
import { pendingFollowsCheckEvery } from '../follows/resend-pending.job';
import { imageUrlOf } from './remote-actor-images';

describe('federation: remote actor image URLs', () => {
  it('takes the widest Image of a list, or the single one', () => {
    const list = [
      { type: 'Image', url: 'https://v.example/a-48.png', width: 48 },
      { type: 'Image', url: 'https://v.example/a-1500.png', width: 1500 },
      { type: 'Image', url: 'https://v.example/a-600.png', width: 600 },
    ];
    assert.equal(imageUrlOf(list), 'https://v.example/a-1500.png');
    assert.equal(imageUrlOf({ type: 'Image', url: 'https://m.example/avatar.jpg' }), 'https://m.example/avatar.jpg');
  });

  it('ignores members that are not usable http(s) URLs', () => {
    assert.equal(imageUrlOf(null), null);
    assert.equal(imageUrlOf(undefined), null);
    assert.equal(imageUrlOf([]), null);
    assert.equal(imageUrlOf([{ type: 'Image', url: { href: 'https://v.example/x.png' } }]), null);
    assert.equal(imageUrlOf({ type: 'Image', url: 'file:///etc/passwd' }), null);
    assert.equal(
      imageUrlOf([
        { url: 'javascript:alert(1)', width: 9999 },
        { url: 'https://v.example/ok.png', width: 1 },
      ]),
      'https://v.example/ok.png',
    );
  });
});

describe('federation: pending follow checks', () => {
  it('looks at the configured interval, at most hourly and at least every second', () => {
    assert.equal(pendingFollowsCheckEvery(2_000), 2_000);
    assert.equal(pendingFollowsCheckEvery(7 * 86400_000), 3_600_000);
    assert.equal(pendingFollowsCheckEvery(10), 1_000);
  });
});

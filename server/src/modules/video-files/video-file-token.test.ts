import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { VideoFileTokenSigner } from './video-file-token';

describe('video file tokens', () => {
  const uuid = '0b3c7f0e-4a8e-4d7a-9f0e-2d2b1a7c9e11';
  const other = '7e1d9a52-55c1-4f5e-8f63-0a7b2c2f4d10';
  const now = new Date('2025-01-01T00:00:00Z');
  const inOneHour = Math.floor(now.getTime() / 1000) + 3600;
  const signer = new VideoFileTokenSigner(randomBytes(32));
  const claims = { expiresAt: inOneHour, userId: 42, passwordTag: signer.passwordTag(uuid, 'secret') };

  it('round-trips the claims of the video it was issued for', () => {
    assert.deepEqual(signer.verify(uuid, signer.sign(uuid, claims), now), claims);
  });

  it('uses only URL-safe characters', () => {
    assert.match(signer.sign(uuid, claims), /^[A-Za-z0-9_.-]+$/);
  });

  it('refuses the token on another video', () => {
    assert.equal(signer.verify(other, signer.sign(uuid, claims), now), null);
  });

  it('refuses an expired token', () => {
    const token = signer.sign(uuid, { ...claims, expiresAt: Math.floor(now.getTime() / 1000) - 1 });
    assert.equal(signer.verify(uuid, token, now), null);
  });

  it('refuses a token whose claims were edited', () => {
    const token = signer.sign(uuid, claims);
    const forged = token.replace(`.${claims.userId}.`, '.1.');
    assert.notEqual(forged, token);
    assert.equal(signer.verify(uuid, forged, now), null);
  });

  it('refuses a token signed with another secret', () => {
    const stranger = new VideoFileTokenSigner(randomBytes(32));
    assert.equal(signer.verify(uuid, stranger.sign(uuid, claims), now), null);
  });

  it('refuses malformed tokens without throwing', () => {
    for (const bad of [
      '',
      'abc',
      '1.2.3',
      '1.2.3.4.5',
      'a b.c.d.e',
      `${inOneHour}.x.y.${'A'.repeat(43)}`,
      '0b3c7f0e-4a8e-4d7a-9f0e-2d2b1a7c9e11',
    ]) {
      assert.equal(signer.verify(uuid, bad, now), null, bad);
    }
  });

  it('fingerprints passwords per video and per password', () => {
    assert.equal(signer.passwordTag(uuid, 'secret'), signer.passwordTag(uuid, 'secret'));
    assert.notEqual(signer.passwordTag(uuid, 'secret'), signer.passwordTag(other, 'secret'));
    assert.notEqual(signer.passwordTag(uuid, 'secret'), signer.passwordTag(uuid, 'secret2'));
    assert.ok(!signer.passwordTag(uuid, 'secret').includes('.'));
  });
});

import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { checkRequestSignature, signRequest } from './http-signature';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const now = new Date('2026-01-01T12:00:00Z');
const url = 'https://b.example/inbox';
const body = '{"type":"Follow"}';

function signed(over: { body?: string; at?: Date; method?: 'GET' | 'POST' } = {}) {
  const method = over.method ?? 'POST';
  const headers = signRequest({
    url,
    method,
    headers: {},
    body: method === 'POST' ? body : undefined,
    keyId: 'https://a.example/accounts/ana#main-key',
    privateKey: keys.privateKey,
    now: over.at ?? now,
  });
  return { method, url: '/inbox', headers, rawBody: Buffer.from(over.body ?? body), now };
}

describe('HTTP signatures', () => {
  it('verifies what it signs, and names the actor of the key', () => {
    const check = checkRequestSignature(signed());
    assert.ok(check.ok);
    assert.equal(check.actorUrl, 'https://a.example/accounts/ana');
    assert.equal(check.signature.verify(keys.publicKey), true);
    assert.match(String(signed().headers.signature), /headers="\(request-target\) host date digest"/);
  });

  it('refuses a body that does not match the digest', () => {
    assert.deepEqual(checkRequestSignature(signed({ body: '{"type":"Delete"}' })), { ok: false, reason: 'Invalid digest' });
  });

  it('refuses dates outside 12 h back and 1 h ahead', () => {
    assert.equal(checkRequestSignature(signed({ at: new Date(now.getTime() - 11 * 3600_000) })).ok, true);
    assert.equal(checkRequestSignature(signed({ at: new Date(now.getTime() - 13 * 3600_000) })).ok, false);
    assert.equal(checkRequestSignature(signed({ at: new Date(now.getTime() + 2 * 3600_000) })).ok, false);
  });

  it('refuses a POST signature that does not cover the digest', () => {
    const req = signed();
    req.headers.signature = req.headers.signature.replace('(request-target) host date digest', '(request-target) host date');
    const check = checkRequestSignature(req);
    assert.equal(check.ok, false);
  });

  it('signs GETs without a digest', () => {
    const req = signed({ method: 'GET' });
    assert.equal(req.headers.digest, undefined);
    const check = checkRequestSignature({ ...req, rawBody: undefined });
    assert.ok(check.ok);
    assert.equal(check.signature.verify(keys.publicKey), true);
  });
});

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SIGNATURE_MAX_AGE_MS, SIGNATURE_MAX_FUTURE_MS } from './http-signature';

/**
 * Remembers each accepted signature for as long as its Date could still pass the window, so the
 * same signed request replayed later is refused. Returns false when it was seen before.
 */
export async function rememberSignature(redis: Redis, prefix: string, signatureHeader: string): Promise<boolean> {
  const key = `${prefix}:fed:sig:${createHash('sha256').update(signatureHeader).digest('hex')}`;
  const ttl = Math.ceil((SIGNATURE_MAX_AGE_MS + SIGNATURE_MAX_FUTURE_MS) / 1000);
  return (await redis.set(key, '1', 'EX', ttl, 'NX')) === 'OK';
}

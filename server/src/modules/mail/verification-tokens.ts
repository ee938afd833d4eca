import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../platform/context';

export type TokenKind = 'verify-user-email' | 'verify-registration-email' | 'reset-password';

const TTL_SECONDS: Record<TokenKind, number> = {
  'verify-user-email': 3600,
  'verify-registration-email': 3600,
  'reset-password': 3600,
};

/**
 * One-time strings sent in e-mail links, kept in Redis with their lifetime: one live string
 * per user and purpose (asking again replaces it), consumed when used.
 */
export class VerificationTokens {
  constructor(private readonly ctx: AppContext) {}

  private key(kind: TokenKind, id: number): string {
    return `${this.ctx.config.redis.prefix}:${kind}:${id}`;
  }

  async create(kind: TokenKind, id: number): Promise<string> {
    const value = randomBytes(32).toString('hex');
    await this.ctx.redis.set(this.key(kind, id), value, 'EX', TTL_SECONDS[kind]);
    return value;
  }

  /** True (and the string is gone) when `value` is the live string for this purpose. */
  async consume(kind: TokenKind, id: number, value: string): Promise<boolean> {
    const key = this.key(kind, id);
    const stored = await this.ctx.redis.get(key);
    if (!stored) return false;
    const a = Buffer.from(stored);
    const b = Buffer.from(value);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
    // Only the request that deletes the key wins a race between two uses.
    return (await this.ctx.redis.del(key)) === 1;
  }
}

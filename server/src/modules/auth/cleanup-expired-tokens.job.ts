import { defineJob } from '../../platform/queue';
import type { AuthService } from './auth.service';

/** Drops sessions whose refresh token has expired; safe to run any number of times. */
export function cleanupExpiredTokensJob(auth: AuthService, now: () => Date) {
  return defineJob({
    name: 'cleanup-expired-tokens',
    async handler() {
      await auth.tokens.deleteExpired(now());
    },
  });
}

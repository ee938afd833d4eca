import { createHash } from 'node:crypto';
import { QueryTypes, type Sequelize, Op } from 'sequelize';
import type { UserRole } from '@shoal/models';
import type { AuthUser } from '../../platform/http';
import { OAuthTokenModel } from './oauth.model';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Token look-ups; one indexed query per authenticated request. */
export class TokenRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async resolveAccessToken(token: string, now: Date): Promise<AuthUser | null> {
    const rows = await this.sequelize.query<{ token_id: number; id: number; username: string; role: UserRole; account_id: number }>(
      `SELECT t.id AS token_id, u.id, u.username, u.role, a.id AS account_id
         FROM oauth_tokens t
         JOIN users u ON u.id = t.user_id
         JOIN accounts a ON a.user_id = u.id
        WHERE t.access_token_hash = :hash AND t.access_token_expires_at > :now AND u.blocked = false`,
      { replacements: { hash: hashToken(token), now }, type: QueryTypes.SELECT },
    );
    const r = rows[0];
    return r ? { id: r.id, username: r.username, role: Number(r.role) as UserRole, accountId: r.account_id, tokenId: r.token_id } : null;
  }

  findByRefreshToken(token: string) {
    return OAuthTokenModel.findOne({ where: { refreshTokenHash: hashToken(token) } });
  }

  deleteForUser(userId: number) {
    return OAuthTokenModel.destroy({ where: { userId } });
  }

  /** Every other session of the user: after a password change only the session that made it survives. */
  deleteOthersForUser(userId: number, keepTokenId: number) {
    return OAuthTokenModel.destroy({ where: { userId, id: { [Op.ne]: keepTokenId } } });
  }

  deleteById(id: number) {
    return OAuthTokenModel.destroy({ where: { id } });
  }

  deleteExpired(now: Date) {
    return OAuthTokenModel.destroy({ where: { refreshTokenExpiresAt: { [Op.lt]: now } } });
  }
}

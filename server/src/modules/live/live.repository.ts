import { QueryTypes, type Sequelize } from 'sequelize';
import { VideoState } from '@shoal/models';

/** Queries of the live module that span other modules' tables (read only). */
export const liveRepository = {
  /** The owner of a video and whether moderation stops it from streaming. */
  async owner(sequelize: Sequelize, videoId: number): Promise<{ userId: number; banned: boolean; videoBlocked: boolean } | null> {
    const [row] = await sequelize.query<{ user_id: number; blocked: boolean; video_blocked: boolean }>(
      `SELECT u.id AS user_id, u.blocked, EXISTS (SELECT 1 FROM video_blacklist b WHERE b.video_id = v.id) AS video_blocked
       FROM videos v JOIN video_channels c ON c.id = v.channel_id JOIN accounts a ON a.id = c.account_id JOIN users u ON u.id = a.user_id
       WHERE v.id = :videoId`,
      { replacements: { videoId }, type: QueryTypes.SELECT },
    );
    return row ? { userId: row.user_id, banned: row.blocked, videoBlocked: row.video_blocked } : null;
  },

  /** The user's video quotas in bytes (-1 = unlimited). */
  async quotas(sequelize: Sequelize, userId: number): Promise<{ total: number; daily: number }> {
    const [row] = await sequelize.query<{ video_quota: string; video_quota_daily: string }>(
      'SELECT video_quota, video_quota_daily FROM users WHERE id = :userId',
      { replacements: { userId }, type: QueryTypes.SELECT },
    );
    return { total: Number(row?.video_quota ?? -1), daily: Number(row?.video_quota_daily ?? -1) };
  },

  /** Local lives not ended yet, on the instance or of one user (creation limits). */
  async countOpenLives(sequelize: Sequelize, userId?: number): Promise<number> {
    const [row] = await sequelize.query<{ n: string }>(
      `SELECT count(*) AS n FROM videos v
       JOIN video_channels c ON c.id = v.channel_id JOIN accounts a ON a.id = c.account_id
       WHERE v.is_live AND NOT v.remote AND v.state <> :ended ${userId ? 'AND a.user_id = :userId' : ''}`,
      { replacements: { ended: VideoState.LIVE_ENDED, userId: userId ?? null }, type: QueryTypes.SELECT },
    );
    return Number(row?.n ?? 0);
  },
};

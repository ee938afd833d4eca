import { QueryTypes } from 'sequelize';
import { ServerErrorCode } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { UserModel } from '../users/user.model';

/**
 * Quota counts the current original of each of the user's videos (transcoded copies
 * are the instance's cost, not the user's), as PeerTube does.
 */
export async function quotaUsed(ctx: AppContext, userId: number): Promise<{ total: number; daily: number }> {
  const [row] = await ctx.sequelize.query<{ total: string | null; daily: string | null }>(
    `SELECT sum(s.size) AS total, sum(s.size) FILTER (WHERE s.created_at > now() - interval '24 hours') AS daily
       FROM video_sources s
       JOIN videos v ON v.id = s.video_id
       JOIN video_channels c ON c.id = v.channel_id
       JOIN accounts a ON a.id = c.account_id
      WHERE a.user_id = :userId
        AND s.id = (SELECT max(id) FROM video_sources WHERE video_id = v.id)`,
    { replacements: { userId }, type: QueryTypes.SELECT },
  );
  return { total: Number(row?.total ?? 0), daily: Number(row?.daily ?? 0) };
}

/** Throws 413 when `size` more bytes would exceed the user's total or daily quota, or the absolute cap. */
export async function assertUploadAllowed(ctx: AppContext, userId: number, size: number, replacing = 0): Promise<void> {
  if (size > ctx.config.uploads.max_file_size) {
    throw new AppError(
      413,
      ServerErrorCode.MAX_FILE_SIZE_REACHED,
      `The file is larger than the ${ctx.config.uploads.max_file_size} bytes allowed`,
    );
  }
  const user = await UserModel.findByPk(userId);
  if (!user) throw AppError.unauthorized();
  const used = await quotaUsed(ctx, userId);
  if (user.videoQuota >= 0 && used.total - replacing + size > user.videoQuota) {
    throw new AppError(413, ServerErrorCode.QUOTA_REACHED, 'The video quota of this user would be exceeded');
  }
  if (user.videoQuotaDaily >= 0 && used.daily + size > user.videoQuotaDaily) {
    throw new AppError(413, ServerErrorCode.QUOTA_REACHED, 'The daily video quota of this user would be exceeded');
  }
}

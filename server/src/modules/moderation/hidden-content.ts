import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * What moderation hides from everyone but owners and moderators, as SQL other modules
 * embed in their queries (video lists and search, comment threads, notifications).
 * This file imports nothing from modules on purpose: the videos module reads it while
 * moderation depends on videos, and a module cycle through index.ts would bite at load.
 *
 * An account is hidden from a viewer when its user is banned, when the instance blocks
 * the account or its host, or when the viewer muted the account or its host.
 */
export function hiddenAccountSql(accountIdExpr: string, viewerAccountId?: number): string {
  // Inlined as a number (never text from a request), so no replacement is needed.
  const viewer = viewerAccountId ? Number(viewerAccountId) : null;
  const byWhom = (alias: string) =>
    viewer ? `(${alias}.account_id IS NULL OR ${alias}.account_id = ${viewer})` : `${alias}.account_id IS NULL`;
  return `EXISTS (
    SELECT 1 FROM accounts ha JOIN actors hac ON hac.id = ha.actor_id LEFT JOIN users hu ON hu.id = ha.user_id
    WHERE ha.id = ${accountIdExpr} AND (
      hu.blocked IS TRUE
      OR EXISTS (SELECT 1 FROM account_blocklist hab WHERE hab.target_account_id = ha.id AND ${byWhom('hab')})
      OR (hac.host IS NOT NULL AND EXISTS (
        SELECT 1 FROM server_blocklist hsb WHERE lower(hsb.host) = lower(hac.host) AND ${byWhom('hsb')}))
    ))`;
}

/** A video is hidden when a moderator blocked it or when its owner's account is hidden. */
export function hiddenVideoSql(videoAlias: string, viewerAccountId?: number): string {
  return `(EXISTS (SELECT 1 FROM video_blacklist hvb WHERE hvb.video_id = ${videoAlias}.id)
    OR EXISTS (SELECT 1 FROM video_channels hvc WHERE hvc.id = ${videoAlias}.channel_id AND ${hiddenAccountSql('hvc.account_id', viewerAccountId)}))`;
}

export type HideReason = 'blocked' | 'owner-banned';

/**
 * Why a single video is hidden from viewers who are neither its owner nor a moderator
 * (details, comments…), or null. Mutes are not applied here: muting hides a video from
 * lists, it does not break a link someone followed.
 */
export async function videoHideReason(sequelize: Sequelize, videoId: number): Promise<HideReason | null> {
  const [row] = await sequelize.query<{ blocked: boolean; banned: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM video_blacklist WHERE video_id = v.id) AS blocked,
            coalesce(u.blocked, false) AS banned
       FROM videos v JOIN video_channels c ON c.id = v.channel_id JOIN accounts a ON a.id = c.account_id
       LEFT JOIN users u ON u.id = a.user_id
      WHERE v.id = :videoId`,
    { replacements: { videoId }, type: QueryTypes.SELECT },
  );
  if (!row) return null;
  if (row.blocked) return 'blocked';
  return row.banned ? 'owner-banned' : null;
}

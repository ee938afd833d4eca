import { QueryTypes } from 'sequelize';
import { UserNotificationType as T, UserRight, VideoPrivacy } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { mentionsIn } from '../comments';
import { hiddenAccountSql } from '../moderation';
import type { NotificationService } from './notification.service';

/** The user owning a video, with their account. */
async function videoOwner(ctx: AppContext, videoId: number): Promise<{ userId: number; accountId: number } | null> {
  const [row] = await ctx.sequelize.query<{ user_id: number; account_id: number }>(
    `SELECT a.user_id, a.id AS account_id FROM videos v JOIN video_channels c ON c.id = v.channel_id JOIN accounts a ON a.id = c.account_id
      WHERE v.id = :videoId AND a.user_id IS NOT NULL`,
    { replacements: { videoId }, type: QueryTypes.SELECT },
  );
  return row ? { userId: row.user_id, accountId: row.account_id } : null;
}

async function userOfAccount(ctx: AppContext, accountId: number | null): Promise<number | null> {
  if (!accountId) return null;
  const [row] = await ctx.sequelize.query<{ user_id: number | null }>('SELECT user_id FROM accounts WHERE id = :accountId', {
    replacements: { accountId },
    type: QueryTypes.SELECT,
  });
  return row?.user_id ?? null;
}

/** Whether `viewerAccountId` muted (or the instance blocked) `authorAccountId`: no notification then. */
async function isHiddenFor(ctx: AppContext, authorAccountId: number, viewerAccountId: number): Promise<boolean> {
  const [row] = await ctx.sequelize.query<{ hidden: boolean }>(
    `SELECT ${hiddenAccountSql(String(Number(authorAccountId)), viewerAccountId)} AS hidden`,
    {
      type: QueryTypes.SELECT,
    },
  );
  return row.hidden;
}

async function onComment(ctx: AppContext, notifications: NotificationService, commentId: number): Promise<void> {
  const [c] = await ctx.sequelize.query<{ video_id: number; account_id: number }>(
    'SELECT video_id, account_id FROM video_comments WHERE id = :commentId',
    {
      replacements: { commentId },
      type: QueryTypes.SELECT,
    },
  );
  const owner = c ? await videoOwner(ctx, c.video_id) : null;
  if (!c || !owner || owner.accountId === c.account_id || (await isHiddenFor(ctx, c.account_id, owner.accountId))) return;
  await notifications.notify([owner.userId], T.NEW_COMMENT_ON_MY_VIDEO, 'newCommentOnMyVideo', { commentId });
}

/** Privacies where a mention may reach anyone: elsewhere the mentioned user may not see the video. */
const MENTIONABLE_PRIVACIES = [VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.INTERNAL];

/**
 * Local users mentioned in a visible comment ("@name", or "@name@ourhost"). The author, the video
 * owner (told about every comment already) and users who muted the author are left out.
 */
async function onMentions(ctx: AppContext, notifications: NotificationService, commentId: number): Promise<void> {
  const [c] = await ctx.sequelize.query<{ text: string; video_id: number; account_id: number | null; held: boolean; privacy: number }>(
    `SELECT c.text, c.video_id, c.account_id, c.held_for_review AS held, v.privacy
       FROM video_comments c JOIN videos v ON v.id = c.video_id WHERE c.id = :commentId AND c.deleted_at IS NULL`,
    { replacements: { commentId }, type: QueryTypes.SELECT },
  );
  if (!c || c.held || !c.account_id || !MENTIONABLE_PRIVACIES.includes(Number(c.privacy) as (typeof MENTIONABLE_PRIVACIES)[number])) return;
  const names = mentionsIn(c.text)
    .filter((m) => !m.host || m.host.toLowerCase() === ctx.publicHost.toLowerCase())
    .map((m) => m.user.toLowerCase());
  if (!names.length) return;
  const mentioned = await ctx.sequelize.query<{ account_id: number; user_id: number }>(
    `SELECT a.id AS account_id, a.user_id FROM accounts a JOIN actors ac ON ac.id = a.actor_id
      WHERE ac.host IS NULL AND lower(ac.preferred_username) IN (:names) AND a.user_id IS NOT NULL`,
    { replacements: { names }, type: QueryTypes.SELECT },
  );
  const owner = await videoOwner(ctx, c.video_id);
  const recipients: number[] = [];
  for (const m of mentioned) {
    if (m.account_id === c.account_id || m.account_id === owner?.accountId) continue;
    if (await isHiddenFor(ctx, c.account_id, m.account_id)) continue;
    recipients.push(m.user_id);
  }
  await notifications.notify(recipients, T.COMMENT_MENTION, 'commentMention', { commentId });
}

async function abuseParties(ctx: AppContext, abuseId: number) {
  const [row] = await ctx.sequelize.query<{ reporter_account_id: number | null }>(
    'SELECT reporter_account_id FROM abuses WHERE id = :abuseId',
    {
      replacements: { abuseId },
      type: QueryTypes.SELECT,
    },
  );
  return { reporterUserId: await userOfAccount(ctx, row?.reporter_account_id ?? null) };
}

/** Turns the domain events of other modules into notifications. */
export function subscribeNotifications(ctx: AppContext, notifications: NotificationService): void {
  const owner = async (videoId: number) => (await videoOwner(ctx, videoId))?.userId;
  const moderators = (right: UserRight) => notifications.usersWithRight(right);

  ctx.events.on('comment-created', async ({ commentId }) => {
    await onComment(ctx, notifications, commentId);
    await onMentions(ctx, notifications, commentId);
  });
  // A held comment mentions nobody until a moderator or the owner lets it through.
  ctx.events.on('comment-approved', ({ commentId }) => onMentions(ctx, notifications, commentId));
  ctx.events.on('video-published', async ({ videoId }) => {
    const userId = await owner(videoId);
    if (userId) await notifications.notify([userId], T.MY_VIDEO_PUBLISHED, 'myVideoPublished', { videoId });
  });
  ctx.events.on('video-transcoding-failed', async ({ videoId }) => {
    const userId = await owner(videoId);
    if (userId) await notifications.notify([userId], T.MY_VIDEO_TRANSCODING_FAILED, 'myVideoPublished', { videoId });
  });
  ctx.events.on('video-blocked', async ({ videoId, blacklistId }) => {
    const userId = await owner(videoId);
    if (userId) await notifications.notify([userId], T.BLACKLIST_ON_MY_VIDEO, 'blacklistOnMyVideo', { videoBlacklistId: blacklistId });
  });
  ctx.events.on('video-unblocked', async ({ videoId }) => {
    const userId = await owner(videoId);
    if (userId) await notifications.notify([userId], T.UNBLACKLIST_ON_MY_VIDEO, 'blacklistOnMyVideo', { videoId });
  });
  ctx.events.on('abuse-created', async ({ abuseId }) => {
    const { reporterUserId } = await abuseParties(ctx, abuseId);
    const recipients = (await moderators(UserRight.MANAGE_ABUSES)).filter((id) => id !== reporterUserId);
    await notifications.notify(recipients, T.NEW_ABUSE_FOR_MODERATORS, 'abuseAsModerator', { abuseId });
  });
  ctx.events.on('abuse-state-changed', async ({ abuseId }) => {
    const { reporterUserId } = await abuseParties(ctx, abuseId);
    if (reporterUserId) await notifications.notify([reporterUserId], T.ABUSE_STATE_CHANGE, 'abuseStateChange', { abuseId });
  });
  ctx.events.on('abuse-message-created', async ({ abuseId, byModerator }) => {
    const { reporterUserId } = await abuseParties(ctx, abuseId);
    // The other side of the conversation hears about it.
    const recipients = byModerator ? [reporterUserId] : (await moderators(UserRight.MANAGE_ABUSES)).filter((id) => id !== reporterUserId);
    await notifications.notify(
      recipients.filter((id): id is number => !!id),
      T.ABUSE_NEW_MESSAGE,
      'abuseNewMessage',
      { abuseId },
    );
  });
  ctx.events.on('user-registered', async ({ userId }) => {
    const [account] = await ctx.sequelize.query<{ id: number }>('SELECT id FROM accounts WHERE user_id = :userId', {
      replacements: { userId },
      type: QueryTypes.SELECT,
    });
    if (account)
      await notifications.notify(await moderators(UserRight.MANAGE_USERS), T.NEW_USER_REGISTRATION, 'newUserRegistration', {
        accountId: account.id,
      });
  });
  ctx.events.on('registration-requested', async ({ registrationId }) => {
    await notifications.notify(await moderators(UserRight.MANAGE_REGISTRATIONS), T.NEW_USER_REGISTRATION_REQUEST, 'newUserRegistration', {
      registrationId,
    });
  });
}

import { QueryTypes } from 'sequelize';
import { UserNotificationType as T, type UserNotificationType } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { toShortUuid } from '../videos';
import type { NotificationRefs } from './notification.service';

export interface NotificationEmail {
  subject: string;
  text: string;
}

interface VideoFacts {
  name: string;
  uuid: string;
}

interface CommentFacts extends VideoFacts {
  text: string;
  author: string;
}

/** Comments quoted in a mail stay short: the link leads to the rest. */
const QUOTE_LIMIT = 500;

const quote = (text: string) =>
  (text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

async function one<R extends object>(ctx: AppContext, sql: string, replacements: Record<string, unknown>): Promise<R | null> {
  const [row] = await ctx.sequelize.query<R>(sql, { replacements, type: QueryTypes.SELECT });
  return row ?? null;
}

const videoFacts = (ctx: AppContext, videoId: number) =>
  one<VideoFacts>(ctx, 'SELECT name, uuid FROM videos WHERE id = :videoId', { videoId });

const commentFacts = (ctx: AppContext, commentId: number) =>
  one<CommentFacts>(
    ctx,
    `SELECT v.name, v.uuid, c.text, coalesce(a.display_name, ac.preferred_username) AS author
       FROM video_comments c JOIN videos v ON v.id = c.video_id
       LEFT JOIN accounts a ON a.id = c.account_id LEFT JOIN actors ac ON ac.id = a.actor_id
      WHERE c.id = :commentId`,
    { commentId },
  );

/**
 * The e-mail telling a user about one notification, or null when what it points to is gone
 * (a comment deleted before the mail was written). Plain text: every link is absolute.
 */
export async function composeNotificationEmail(
  ctx: AppContext,
  type: UserNotificationType,
  refs: NotificationRefs,
): Promise<NotificationEmail | null> {
  const url = ctx.publicUrl;
  const watch = (v: VideoFacts) => `${url}/w/${toShortUuid(v.uuid)}`;
  if (type === T.NEW_COMMENT_ON_MY_VIDEO || type === T.COMMENT_MENTION) {
    const c = refs.commentId ? await commentFacts(ctx, refs.commentId) : null;
    if (!c) return null;
    const what = type === T.COMMENT_MENTION ? `${c.author} mentioned you` : `${c.author} commented`;
    return {
      subject: `${what} on "${c.name}"`,
      text: `${what} on your video "${c.name}":\n\n${quote(c.text)}\n\nRead and answer: ${watch(c)};threadId=${refs.commentId}\n`,
    };
  }
  if (type === T.MY_VIDEO_PUBLISHED || type === T.MY_VIDEO_TRANSCODING_FAILED || type === T.UNBLACKLIST_ON_MY_VIDEO) {
    const v = refs.videoId ? await videoFacts(ctx, refs.videoId) : null;
    if (!v) return null;
    const said = {
      [T.MY_VIDEO_PUBLISHED]: ['is published', 'It is now playable'],
      [T.MY_VIDEO_TRANSCODING_FAILED]: ['could not be transcoded', 'Your original file is kept; you can try again from My videos'],
      [T.UNBLACKLIST_ON_MY_VIDEO]: ['is unblocked', 'Viewers can watch it again'],
    }[type];
    return { subject: `Your video "${v.name}" ${said[0]}`, text: `Your video "${v.name}" ${said[0]}. ${said[1]}: ${watch(v)}\n` };
  }
  if (type === T.BLACKLIST_ON_MY_VIDEO) {
    const b = await one<VideoFacts & { reason: string | null }>(
      ctx,
      'SELECT v.name, v.uuid, b.reason FROM video_blacklist b JOIN videos v ON v.id = b.video_id WHERE b.id = :id',
      { id: refs.videoBlacklistId },
    );
    if (!b) return null;
    const reason = b.reason ? `\n\nReason given by the moderators:\n${quote(b.reason)}` : '';
    return { subject: `Your video "${b.name}" was blocked`, text: `Moderators blocked your video "${b.name}" (${watch(b)}).${reason}\n` };
  }
  if (type === T.NEW_ABUSE_FOR_MODERATORS || type === T.ABUSE_NEW_MESSAGE || type === T.ABUSE_STATE_CHANGE) {
    const subject = {
      [T.NEW_ABUSE_FOR_MODERATORS]: `New report #${refs.abuseId}`,
      [T.ABUSE_NEW_MESSAGE]: `New message on report #${refs.abuseId}`,
      [T.ABUSE_STATE_CHANGE]: `Report #${refs.abuseId} changed state`,
    }[type];
    const page = type === T.NEW_ABUSE_FOR_MODERATORS ? '/admin/moderation/abuses/list' : '/my-account/abuses';
    return { subject, text: `${subject}. See it on ${url}${page}\n` };
  }
  if (type === T.NEW_USER_REGISTRATION || type === T.NEW_USER_REGISTRATION_REQUEST) {
    const subject = type === T.NEW_USER_REGISTRATION ? 'A new user signed up' : 'A new registration request waits for approval';
    const page = type === T.NEW_USER_REGISTRATION ? '/admin/users' : '/admin/moderation/registrations/list';
    return { subject, text: `${subject}. See ${url}${page}\n` };
  }
  return null;
}

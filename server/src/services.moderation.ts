import { literal } from 'sequelize';
import type { AppContext } from './platform/context';
import type { ActorService } from './modules/actors';
import type { AuthService } from './modules/auth';
import { BlocklistService } from './modules/blocklists';
import { CommentService } from './modules/comments';
import { AccountEmailService, emailEnabled, MailService, sendEmailJob, VerificationTokens } from './modules/mail';
import { AbuseService, VideoBlockService } from './modules/moderation';
import { NotificationService, subscribeNotifications } from './modules/notifications';
import { RegistrationService } from './modules/registrations';
import type { UserService } from './modules/users';
import { removeAllVideoFiles, VideoModel, type VideoService } from './modules/videos';
import { WatchedWordsService } from './modules/watched-words';

/** Services of comments, moderation, notifications, registrations and e-mail (issue 7). */
export interface ModerationServices {
  words: WatchedWordsService;
  comments: CommentService;
  abuses: AbuseService;
  videoBlocks: VideoBlockService;
  blocklists: BlocklistService;
  notifications: NotificationService;
  accountEmails: AccountEmailService;
  registrations: RegistrationService;
}

/** Kept apart from services.ts so the core wiring stays short; the hooks below are the only links back. */
export function createModerationServices(
  ctx: AppContext,
  core: { auth: AuthService; users: UserService; actors: ActorService; videos: VideoService },
): ModerationServices {
  const mail = new MailService(ctx);
  const tokens = new VerificationTokens(ctx);
  ctx.queue.register(sendEmailJob(ctx));
  const words = new WatchedWordsService(ctx);
  // Without an SMTP server, notification e-mails are skipped quietly (each would log a warning).
  const notifications = new NotificationService(ctx, emailEnabled(ctx) ? mail : null);
  subscribeNotifications(ctx, notifications);
  const registrations = new RegistrationService(ctx, core.users, core.actors, mail, tokens);
  core.auth.unknownLoginChecks.push((login, password) => registrations.loginRefusal(login, password));
  core.users.meExtensions.push(async (userId) => ({ notificationSettings: await notifications.settingsOf(userId) }));
  // Deleting a user deletes their videos' rows by cascade; their files go first, while the rows still say where.
  core.users.beforeDestroy.push(async (userId) => {
    const videos = await VideoModel.findAll({
      where: literal(
        `channel_id IN (SELECT c.id FROM video_channels c JOIN accounts a ON a.id = c.account_id WHERE a.user_id = ${Number(userId)})`,
      ),
    });
    for (const video of videos) await removeAllVideoFiles(ctx, video);
  });
  return {
    words,
    comments: new CommentService(ctx, core.videos, words),
    abuses: new AbuseService(ctx, core.videos),
    videoBlocks: new VideoBlockService(ctx),
    blocklists: new BlocklistService(ctx),
    notifications,
    accountEmails: new AccountEmailService(ctx, mail, tokens, core.auth),
    registrations,
  };
}

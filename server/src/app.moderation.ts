import { Router } from 'express';
import type { AppContext } from './platform/context';
import { blocklistRoutes } from './modules/blocklists';
import { commentRoutes } from './modules/comments';
import { mailRoutes } from './modules/mail';
import { abuseRoutes, videoBlockRoutes } from './modules/moderation';
import { notificationRoutes } from './modules/notifications';
import { registrationRoutes } from './modules/registrations';
import { watchedWordsRoutes } from './modules/watched-words';
import type { ModerationServices } from './services.moderation';

/**
 * Routes of issue 7. Mounted before the users and videos routers: `/users/registrations`
 * and `/videos/comments` or `/videos/blacklist` would otherwise be read as `/users/:id`, `/videos/:id`.
 */
export function moderationRoutes(ctx: AppContext, s: ModerationServices): Router {
  const router = Router();
  router.use(registrationRoutes(ctx, s.registrations));
  router.use(mailRoutes(ctx, s.accountEmails));
  router.use(notificationRoutes(s.notifications));
  router.use(commentRoutes(s.comments));
  router.use(videoBlockRoutes(s.videoBlocks));
  router.use(abuseRoutes(s.abuses));
  router.use(blocklistRoutes(s.blocklists));
  router.use(watchedWordsRoutes(s.words));
  return router;
}

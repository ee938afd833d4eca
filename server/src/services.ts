import type { AppContext } from './platform/context';
import { ActorService } from './modules/actors';
import { AuthService, cleanupExpiredTokensJob } from './modules/auth';
import { ChannelService } from './modules/channels';
import type { ConfigSections } from './modules/server-config';
import { UserService } from './modules/users';
import { flushVideoViewsJob, VideoService, VideoViews } from './modules/videos';

/** Every module service, wired once per process. */
export interface Services {
  actors: ActorService;
  auth: AuthService;
  users: UserService;
  channels: ChannelService;
  videos: VideoService;
  views: VideoViews;
  configSections: ConfigSections;
}

export function createServices(ctx: AppContext): Services {
  const actors = new ActorService(ctx);
  const auth = new AuthService(ctx);
  const users = new UserService(ctx, actors, auth);
  const channels = new ChannelService(ctx, actors);
  const videos = new VideoService(ctx);
  const views = new VideoViews(ctx);
  ctx.queue.register(cleanupExpiredTokensJob(auth, ctx.now));
  ctx.queue.register(flushVideoViewsJob(views));
  return { actors, auth, users, channels, videos, views, configSections: {} };
}

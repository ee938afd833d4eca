import type { AppContext } from './platform/context';
import { ActorService } from './modules/actors';
import { AuthService, cleanupExpiredTokensJob } from './modules/auth';
import { ChannelService } from './modules/channels';
import type { ConfigSections } from './modules/server-config';
import { UserService } from './modules/users';

/** Every module service, wired once per process. */
export interface Services {
  actors: ActorService;
  auth: AuthService;
  users: UserService;
  channels: ChannelService;
  configSections: ConfigSections;
}

export function createServices(ctx: AppContext): Services {
  const actors = new ActorService(ctx);
  const auth = new AuthService(ctx);
  const users = new UserService(ctx, actors, auth);
  const channels = new ChannelService(ctx, actors);
  ctx.queue.register(cleanupExpiredTokensJob(auth, ctx.now));
  return { actors, auth, users, channels, configSections: {} };
}

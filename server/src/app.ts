import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './platform/context';
import { apiNotFound, errorHandler } from './platform/errors';
import { rateLimit, readAuth, skipUnmatchedRouters } from './platform/http';
import type { Services } from './services';
import { moderationRoutes } from './app.moderation';
import { accountRoutes } from './modules/accounts';
import { actorImageStaticRoutes } from './modules/actors';
import { authRoutes } from './modules/auth';
import { channelRoutes } from './modules/channels';
import { clientAppRoutes } from './modules/client-app';
import { chapterRoutes } from './modules/chapters';
import { jobsRoutes } from './modules/jobs-admin';
import { liveRoutes, liveStaticRoutes } from './modules/live';
import { serverConfigRoutes } from './modules/server-config';
import { transcodingRoutes } from './modules/transcoding';
import { runnerFileRoutes, runnerRoutes, runnerUploadRoutes } from './modules/runners';
import { legacyUploadRoutes, resumableUploadRoutes } from './modules/uploads';
import { userRoutes } from './modules/users';
import { videoFileApiRoutes, videoFileDownloadRoutes, videoFileStaticRoutes } from './modules/video-files';
import { videoPasswordRoutes } from './modules/video-passwords';
import { videoListRoutes, videoRoutes } from './modules/videos';

/** Builds the Express application: shared middleware, then each module's router. */
export function createApp(ctx: AppContext, services: Services): Express {
  const app = express();
  app.set('trust proxy', ctx.config.trust_proxy);
  app.disable('x-powered-by');
  const genReqId = (_req: unknown, res: { setHeader(name: string, value: string): unknown }) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    return id;
  };
  app.use(
    ctx.config.log.log_http_requests
      ? pinoHttp({ logger: ctx.logger, genReqId, quietReqLogger: true })
      : // pino-http serializes each request into a child logger even when it writes no line
        // (about a sixth of the CPU of a cached GET): only the request id is needed then.
        (req, res, next) => {
          req.id = genReqId(req, res);
          next();
        },
  );
  app.use(helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }));

  const api = express.Router();
  api.use(cors({ origin: '*', exposedHeaders: ['Retry-After', 'X-Request-Id'] }));
  api.use(express.json({ limit: '500kb' }));
  const auth = readAuth((token) => services.auth.tokens.resolveAccessToken(token, ctx.now()));
  api.use(auth);
  // Uploads need a login and send many chunk requests: they sit before the per-IP API limiter.
  api.use(resumableUploadRoutes(ctx, services.uploads, services.creation, services.videos));
  api.use(legacyUploadRoutes(ctx, services.creation));
  api.use(rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:api`, ctx.config.rates_limit.api));
  api.use(serverConfigRoutes(ctx, services.configSections));
  api.use(authRoutes(ctx, services.auth));
  api.use(moderationRoutes(ctx, services.moderation));
  api.use(userRoutes(ctx, services.users));
  api.use(accountRoutes(ctx));
  api.use(channelRoutes(ctx, services.channels));
  api.use(jobsRoutes(ctx));
  // Search by URL/handle (imports remote objects) before the local search.
  api.use(services.federationObjects.apiRoutes);
  api.use(videoListRoutes(ctx));
  api.use(videoFileApiRoutes(ctx, services.videoFiles, services.videos));
  api.use(videoPasswordRoutes(services.videoPasswords));
  api.use(chapterRoutes(services.chapters));
  api.use(transcodingRoutes(services.transcoding));
  api.use(runnerRoutes(services.runners.runners, services.runners.jobs));
  api.use(runnerUploadRoutes(ctx, services.runners.jobs, services.runners.completion));
  api.use(runnerFileRoutes(ctx, services.runners.jobs, services.runners.jobRepository));
  api.use(liveRoutes(services.live.lives));
  api.use(videoRoutes(ctx, services.videos, services.views));
  api.use(services.federation.apiRoutes());
  api.use(apiNotFound);
  skipUnmatchedRouters(api);
  app.use('/api/v1', api);
  // ActivityPub documents (negotiated), inboxes, WebFinger and NodeInfo; other Accept values fall through to the client.
  app.use(services.federation.routes());
  app.use(services.federationObjects.routes);
  app.use(actorImageStaticRoutes(ctx));
  // Media files: no JSON parser, no per-IP limit (players fetch segments in bursts).
  // Live playlists must not be cached like VOD files (marks the response, then the media routes serve it).
  app.use(liveStaticRoutes(services.live.manager));
  app.use(videoFileStaticRoutes(ctx, services.videoFiles, auth));
  app.use(videoFileDownloadRoutes(ctx, services.videoFiles, auth));
  // Last: the web client answers the page URLs nothing above claimed.
  app.use(clientAppRoutes(ctx));
  // Media requests skip the ActivityPub and other page routers at once (see skipUnmatchedRouters).
  skipUnmatchedRouters(app.router);

  app.use(errorHandler(ctx.logger));
  return app;
}

import cors from 'cors';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
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
import { videoCaptionRoutes, videoCaptionStaticRoutes } from './modules/video-captions';
import { jobsRoutes } from './modules/jobs-admin';
import { liveRoutes, liveStaticRoutes } from './modules/live';
import { serverConfigRoutes } from './modules/server-config';
import { transcodingRoutes } from './modules/transcoding';
import { runnerFileRoutes, runnerRoutes, runnerUploadRoutes } from './modules/runners';
import { legacyUploadRoutes, resumableUploadRoutes } from './modules/uploads';
import { userRoutes } from './modules/users';
import {
  createHotHlsFiles,
  hotHlsFastPath,
  PUBLIC_CACHE,
  videoFileApiRoutes,
  videoFileDownloadRoutes,
  videoFileStaticRoutes,
} from './modules/video-files';
import { videoPasswordRoutes } from './modules/video-passwords';
import { hlsDir, videoListRoutes, videoRoutes } from './modules/videos';
import { VideoPrivacy } from '@shoal/models';

export interface WebApp {
  app: Express;
  /** The server's request listener: the live HLS fast path, then the Express application. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Builds the Express application: shared middleware, then each module's router. */
export function createApp(ctx: AppContext, services: Services): WebApp {
  const app = express();
  const securityHeaders = helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } });
  const hotHlsFiles = createHotHlsFiles(services.videoFiles);
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
  app.use(securityHeaders);

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
  api.use(videoCaptionRoutes(services.captions));
  api.use(transcodingRoutes(services.transcoding));
  api.use(runnerRoutes(services.runners.runners, services.runners.jobs));
  api.use(runnerUploadRoutes(ctx, services.runners.jobs, services.runners.completion));
  api.use(runnerFileRoutes(ctx, services.runners.jobs, services.runners.jobRepository));
  api.use(liveRoutes(services.live.lives));
  api.use(videoRoutes(ctx, services.videos, services.views, (id) => services.live.viewers.count(id)));
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
  app.use(liveStaticRoutes());
  app.use(videoFileStaticRoutes(ctx, services.videoFiles, auth, hotHlsFiles));
  app.use(videoCaptionStaticRoutes(ctx, services.videoFiles, auth));
  app.use(videoFileDownloadRoutes(ctx, services.videoFiles, auth));
  // Last: the web client answers the page URLs nothing above claimed.
  app.use(clientAppRoutes(ctx));
  // Media requests skip the ActivityPub and other page routers at once (see skipUnmatchedRouters).
  skipUnmatchedRouters(app.router);

  app.use(errorHandler(ctx.logger));

  // With request logging on, every request goes through Express to be logged.
  if (ctx.config.log.log_http_requests) return { app, handle: app };
  const fastPath = hotHlsFastPath({
    hotFiles: hotHlsFiles,
    publicFile: (uuid, file) => join(hlsDir(ctx, { uuid, privacy: VideoPrivacy.PUBLIC }), file),
    commonHeaders: headersSetBy(securityHeaders),
    publicCache: PUBLIC_CACHE,
  });
  return { app, handle: (req, res) => fastPath(req, res, () => app(req, res)) };
}

/** The headers a middleware that only sets constant headers (helmet) puts on every response. */
function headersSetBy(middleware: RequestHandler): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    removeHeader: (name: string) => void delete headers[name],
    getHeader: (name: string) => headers[name],
  };
  middleware({ headers: {} } as Request, res as unknown as Response, () => undefined);
  return headers;
}

import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './platform/context';
import { apiNotFound, errorHandler } from './platform/errors';
import { rateLimit, readAuth } from './platform/http';
import type { Services } from './services';
import { accountRoutes } from './modules/accounts';
import { authRoutes } from './modules/auth';
import { channelRoutes } from './modules/channels';
import { jobsRoutes } from './modules/jobs-admin';
import { serverConfigRoutes } from './modules/server-config';
import { userRoutes } from './modules/users';
import { videoListRoutes, videoRoutes } from './modules/videos';

/** Builds the Express application: shared middleware, then each module's router. */
export function createApp(ctx: AppContext, services: Services): Express {
  const app = express();
  app.set('trust proxy', ctx.config.trust_proxy);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: ctx.config.log.log_http_requests,
      quietReqLogger: true,
    }),
  );
  app.use(helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }));

  const api = express.Router();
  api.use(cors({ origin: '*', exposedHeaders: ['Retry-After', 'X-Request-Id'] }));
  api.use(express.json({ limit: '500kb' }));
  api.use(readAuth((token) => services.auth.tokens.resolveAccessToken(token, ctx.now())));
  api.use(rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:api`, ctx.config.rates_limit.api));
  api.use(serverConfigRoutes(ctx, services.configSections));
  api.use(authRoutes(ctx, services.auth));
  api.use(userRoutes(ctx, services.users));
  api.use(accountRoutes(ctx));
  api.use(channelRoutes(ctx, services.channels));
  api.use(jobsRoutes(ctx));
  // Upload routes must come before videoRoutes: PUT /videos/upload-resumable would match PUT /videos/:id.
  api.use(videoListRoutes(ctx));
  api.use(videoRoutes(ctx, services.videos, services.views));
  api.use(apiNotFound);
  app.use('/api/v1', api);

  app.use(errorHandler(ctx.logger));
  return app;
}

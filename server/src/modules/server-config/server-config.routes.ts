import { Router } from 'express';
import type { AppContext } from '../../platform/context';
import { buildAboutConfig, buildServerConfig } from './server-config.builder';

/** Sections other modules add to `GET /config` (transcoding, live…), computed once. */
export type ConfigSections = Record<string, unknown>;

export function serverConfigRoutes(ctx: AppContext, sections: ConfigSections = {}): Router {
  const router = Router();
  // Static between restarts: serialise once instead of on every request.
  const config = JSON.stringify(buildServerConfig(ctx, sections));
  const about = JSON.stringify(buildAboutConfig(ctx));

  router.get('/config', (_req, res) => {
    res.type('application/json').send(config);
  });
  router.get('/config/about', (_req, res) => {
    res.type('application/json').send(about);
  });
  router.get('/ping', (_req, res) => {
    res.type('text/plain').send('pong');
  });
  return router;
}

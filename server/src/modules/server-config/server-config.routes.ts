import { Router } from 'express';
import { customConfigUpdateSchema, UserRight } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { input, requireRight } from '../../platform/http';
import { CustomConfigService } from './custom-config.service';
import { buildAboutConfig, buildServerConfig } from './server-config.builder';

/** Sections other modules add to `GET /config` (transcoding, live…), computed once. */
export type ConfigSections = Record<string, unknown>;

export function serverConfigRoutes(ctx: AppContext, sections: ConfigSections = {}): Router {
  const router = Router();
  const custom = new CustomConfigService(ctx);
  // Static between admin edits: serialise once instead of on every request.
  let config = '';
  let about = '';
  const rebuild = () => {
    config = JSON.stringify(buildServerConfig(ctx, withLiveSwitch(ctx, sections)));
    about = JSON.stringify(buildAboutConfig(ctx));
  };
  rebuild();
  custom.onChange(rebuild);

  router.get('/config', (_req, res) => {
    res.type('application/json').send(config);
  });
  router.get('/config/about', (_req, res) => {
    res.type('application/json').send(about);
  });
  router.get('/config/custom', (req, res) => {
    requireRight(req, UserRight.MANAGE_CONFIGURATION);
    res.set('Cache-Control', 'private, no-store').json(custom.get());
  });
  router.put('/config/custom', async (req, res) => {
    requireRight(req, UserRight.MANAGE_CONFIGURATION);
    res.json(await custom.update(input.body(customConfigUpdateSchema, req)));
  });
  router.get('/ping', (_req, res) => {
    res.type('text/plain').send('pong');
  });
  return router;
}

/** The live module computes its section at boot; its on/off switch can change at runtime. */
function withLiveSwitch(ctx: AppContext, sections: ConfigSections): ConfigSections {
  const live = sections.live;
  if (typeof live !== 'object' || live === null) return sections;
  return { ...sections, live: { ...live, enabled: ctx.config.live.enabled } };
}

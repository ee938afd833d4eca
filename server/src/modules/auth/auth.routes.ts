import express, { Router } from 'express';
import { ServerErrorCode, tokenRequestSchema } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, rateLimit, requireUser } from '../../platform/http';
import type { AuthService } from './auth.service';

export function authRoutes(ctx: AppContext, auth: AuthService): Router {
  const router = Router();
  const loginLimit = rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:login`, ctx.config.rates_limit.login);

  router.get('/oauth-clients/local', async (_req, res) => {
    const client = await auth.ensureLocalClient();
    res.json({ client_id: client.clientId, client_secret: client.clientSecret });
  });

  // PeerTube only takes form bodies here; JSON is accepted too for convenience.
  router.post('/users/token', loginLimit, express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    if (!req.is('application/x-www-form-urlencoded') && !req.is('application/json')) {
      throw AppError.badRequest('Invalid request: content must be application/x-www-form-urlencoded', ServerErrorCode.INVALID_REQUEST);
    }
    const body = input.body(tokenRequestSchema, req);
    const tokens = await auth.grant(body, { ip: req.ip, device: req.get('user-agent') });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(tokens);
  });

  router.post('/users/revoke-token', async (req, res) => {
    const user = requireUser(req);
    await auth.revoke(user.tokenId);
    res.json({});
  });

  return router;
}

import { Router } from 'express';
import {
  askEmailSchema,
  registrationIdParamsSchema,
  registrationListQuerySchema,
  registrationModerationSchema,
  registrationRequestSchema,
  registrationVerifyEmailSchema,
  UserRight,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { input, rateLimit, requireRight } from '../../platform/http';
import { serializeRegistration } from './registration.serializer';
import type { RegistrationService } from './registration.service';

/** Mounted before the users router: `/users/registrations` would otherwise look like `/users/:id`. */
export function registrationRoutes(ctx: AppContext, registrations: RegistrationService): Router {
  const router = Router();
  const signupLimit = rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:signup`, ctx.config.rates_limit.signup);
  const askLimit = rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:ask-email`, ctx.config.rates_limit.ask_send_email);

  router.post('/users/registrations/request', signupLimit, async (req, res) => {
    res.json(serializeRegistration(await registrations.request(input.body(registrationRequestSchema, req))));
  });

  router.get('/users/registrations', async (req, res) => {
    requireRight(req, UserRight.MANAGE_REGISTRATIONS);
    const { rows, count } = await registrations.list(input.query(registrationListQuerySchema, req));
    res.json({ total: count, data: rows.map(serializeRegistration) });
  });

  router.post('/users/registrations/ask-send-verify-email', askLimit, async (req, res) => {
    await registrations.askSendVerifyEmail(input.body(askEmailSchema, req).email);
    res.status(204).end();
  });

  router.post('/users/registrations/:registrationId/verify-email', async (req, res) => {
    const { registrationId } = input.params(registrationIdParamsSchema, req);
    await registrations.verifyEmail(registrationId, input.body(registrationVerifyEmailSchema, req).verificationString);
    res.status(204).end();
  });

  router.post('/users/registrations/:registrationId/accept', async (req, res) => {
    requireRight(req, UserRight.MANAGE_REGISTRATIONS);
    const { registrationId } = input.params(registrationIdParamsSchema, req);
    await registrations.accept(registrationId, input.body(registrationModerationSchema, req));
    res.status(204).end();
  });

  router.post('/users/registrations/:registrationId/reject', async (req, res) => {
    requireRight(req, UserRight.MANAGE_REGISTRATIONS);
    const { registrationId } = input.params(registrationIdParamsSchema, req);
    await registrations.reject(registrationId, input.body(registrationModerationSchema, req));
    res.status(204).end();
  });

  router.delete('/users/registrations/:registrationId', async (req, res) => {
    requireRight(req, UserRight.MANAGE_REGISTRATIONS);
    await registrations.remove(input.params(registrationIdParamsSchema, req).registrationId);
    res.status(204).end();
  });

  return router;
}

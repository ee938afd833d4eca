import { Router } from 'express';
import { z } from 'zod';
import { askEmailSchema, resetPasswordSchema, verifyEmailSchema } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { input, rateLimit } from '../../platform/http';
import type { AccountEmailService } from './account-emails.service';

const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** E-mail verification and password reset of users. */
export function mailRoutes(ctx: AppContext, emails: AccountEmailService): Router {
  const router = Router();
  // Each call sends an e-mail to someone: limited per IP so nobody floods a mail box.
  const askLimit = rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:ask-email`, ctx.config.rates_limit.ask_send_email);

  router.post('/users/ask-send-verify-email', askLimit, async (req, res) => {
    await emails.askSendVerifyEmail(input.body(askEmailSchema, req).email);
    res.status(204).end();
  });

  router.post('/users/:id/verify-email', async (req, res) => {
    const { id } = input.params(idParams, req);
    const body = input.body(verifyEmailSchema, req);
    await emails.verifyEmail(id, body.verificationString, !!body.isPendingEmail);
    res.status(204).end();
  });

  router.post('/users/ask-reset-password', askLimit, async (req, res) => {
    await emails.askResetPassword(input.body(askEmailSchema, req).email);
    res.status(204).end();
  });

  router.post('/users/:id/reset-password', async (req, res) => {
    const { id } = input.params(idParams, req);
    const body = input.body(resetPasswordSchema, req);
    await emails.resetPassword(id, body.verificationString, body.password);
    res.status(204).end();
  });

  return router;
}

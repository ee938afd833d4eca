import { Router } from 'express';
import { z } from 'zod';
import {
  listQuerySchema,
  queryBoolean,
  ServerErrorCode,
  UserRight,
  UserRole,
  userBlockSchema,
  userCreateSchema,
  userRegisterSchema,
  userUpdateMeSchema,
  userUpdateSchema,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, rateLimit, requireRight, requireUser } from '../../platform/http';
import { UserModel } from './user.model';
import type { UserService } from './user.service';

const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
const listQuery = listQuerySchema(['id', 'username', 'createdAt', 'lastLoginDate', 'role', 'videoQuotaUsed'], '-createdAt').extend({
  blocked: queryBoolean.optional(),
});

export function userRoutes(ctx: AppContext, users: UserService): Router {
  const router = Router();
  const signupLimit = rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:signup`, ctx.config.rates_limit.signup);

  router.get('/users/me', async (req, res) => {
    const me = requireUser(req);
    res.json(await users.toJson(await users.getOrFail(me.id)));
  });

  router.put('/users/me', async (req, res) => {
    const me = requireUser(req);
    await users.updateMe(me, input.body(userUpdateMeSchema, req));
    res.status(204).end();
  });

  router.delete('/users/me', async (req, res) => {
    const me = requireUser(req);
    const user = await users.getOrFail(me.id);
    if (user.id === (await UserModel.min<number, UserModel>('id')))
      throw AppError.forbidden('The initial administrator cannot delete itself');
    await users.destroy(user);
    res.status(204).end();
  });

  router.post('/users/register', signupLimit, async (req, res) => {
    const body = input.body(userRegisterSchema, req);
    const signup = ctx.config.signup;
    if (!signup.enabled) throw AppError.forbidden('User registration is not enabled', ServerErrorCode.SIGNUP_DISABLED);
    if (signup.requires_approval)
      throw AppError.forbidden('Registration requires approval: use /users/registrations/request', ServerErrorCode.SIGNUP_DISABLED);
    if (signup.limit !== -1 && (await UserModel.count()) >= signup.limit)
      throw AppError.forbidden('User limit is reached on this instance', ServerErrorCode.SIGNUP_DISABLED);
    await users.create({ ...body, role: UserRole.USER, emailVerified: signup.requires_email_verification ? false : null });
    res.status(204).end();
  });

  router.get('/users', async (req, res) => {
    requireRight(req, UserRight.MANAGE_USERS);
    const q = input.query(listQuery, req);
    const { rows, count } = await users.list(q);
    res.json({ total: count, data: await Promise.all(rows.map((u) => users.toJson(u, { withAdminFields: true }))) });
  });

  router.post('/users', async (req, res) => {
    const actor = requireRight(req, UserRight.MANAGE_USERS);
    const { user, account } = await users.createByAdmin(actor, input.body(userCreateSchema, req));
    res.json({ user: { id: user.id, account: { id: account.id } } });
  });

  router.get('/users/:id', async (req, res) => {
    requireRight(req, UserRight.MANAGE_USERS);
    const { id } = input.params(idParams, req);
    res.json(await users.toJson(await users.getOrFail(id), { withAdminFields: true }));
  });

  router.put('/users/:id', async (req, res) => {
    const actor = requireRight(req, UserRight.MANAGE_USERS);
    const { id } = input.params(idParams, req);
    await users.update(actor, id, input.body(userUpdateSchema, req));
    res.status(204).end();
  });

  router.delete('/users/:id', async (req, res) => {
    const actor = requireRight(req, UserRight.MANAGE_USERS);
    await users.remove(actor, input.params(idParams, req).id);
    res.status(204).end();
  });

  router.post('/users/:id/block', async (req, res) => {
    const actor = requireRight(req, UserRight.MANAGE_USERS);
    const { id } = input.params(idParams, req);
    await users.block(actor, id, input.body(userBlockSchema, req).reason);
    res.status(204).end();
  });

  router.post('/users/:id/unblock', async (req, res) => {
    const actor = requireRight(req, UserRight.MANAGE_USERS);
    await users.unblock(actor, input.params(idParams, req).id);
    res.status(204).end();
  });

  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import {
  listQuerySchema,
  queryBoolean,
  UserRight,
  userAutocompleteQuerySchema,
  userBlockSchema,
  userCreateSchema,
  userRegisterSchema,
  userUpdateMeSchema,
  userUpdateSchema,
  type ActorAvatarsResponse,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { input, rateLimit, requireRight, requireUser } from '../../platform/http';
import { receiveActorImage, serializeImage } from '../actors';
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
    res.json(await users.toMeJson(await users.getOrFail(me.id)));
  });

  router.put('/users/me', async (req, res) => {
    const me = requireUser(req);
    await users.updateMe(me, input.body(userUpdateMeSchema, req));
    res.status(204).end();
  });

  router.delete('/users/me', async (req, res) => {
    await users.removeMe(requireUser(req));
    res.status(204).end();
  });

  router.get('/users/me/video-quota-used', async (req, res) => {
    res.json(await users.quotaUsed(requireUser(req).id));
  });

  router.post('/users/me/avatar/pick', async (req, res) => {
    const me = requireUser(req);
    const file = await receiveActorImage(req, res, 'avatar');
    const images = await users.setMyImage(me, 'avatar', file);
    res.json({ avatars: images.map((i) => serializeImage(ctx, i)) } satisfies ActorAvatarsResponse);
  });

  // PeerTube answers 200 with the (now empty) list here, unlike the channel routes.
  router.delete('/users/me/avatar', async (req, res) => {
    await users.removeMyImage(requireUser(req), 'avatar');
    res.json({ avatars: [] } satisfies ActorAvatarsResponse);
  });

  router.post('/users/register', signupLimit, async (req, res) => {
    await users.register(input.body(userRegisterSchema, req));
    res.status(204).end();
  });

  // Declared before /users/:id, which would otherwise claim "autocomplete" as an id.
  router.get('/users/autocomplete', async (req, res) => {
    res.json(await users.autocomplete(input.query(userAutocompleteQuerySchema, req).search));
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

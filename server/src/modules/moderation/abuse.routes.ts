import { Router } from 'express';
import {
  abuseCreateSchema,
  abuseIdParamsSchema,
  abuseListQuerySchema,
  abuseMessageCreateSchema,
  abuseMessageParamsSchema,
  abuseUpdateSchema,
  myAbuseListQuerySchema,
  UserRight,
} from '@shoal/models';
import { input, requireRight, requireUser } from '../../platform/http';
import type { AbuseService } from './abuse.service';

export function abuseRoutes(abuses: AbuseService): Router {
  const router = Router();

  router.post('/abuses', async (req, res) => {
    const me = requireUser(req);
    res.json({ abuse: { id: await abuses.create(me, input.body(abuseCreateSchema, req)) } });
  });

  router.get('/abuses', async (req, res) => {
    requireRight(req, UserRight.MANAGE_ABUSES);
    res.json(await abuses.list(input.query(abuseListQuerySchema, req)));
  });

  router.get('/users/me/abuses', async (req, res) => {
    const me = requireUser(req);
    res.json(await abuses.listMine(me, input.query(myAbuseListQuerySchema, req)));
  });

  router.put('/abuses/:abuseId', async (req, res) => {
    requireRight(req, UserRight.MANAGE_ABUSES);
    await abuses.update(input.params(abuseIdParamsSchema, req).abuseId, input.body(abuseUpdateSchema, req));
    res.status(204).end();
  });

  router.delete('/abuses/:abuseId', async (req, res) => {
    requireRight(req, UserRight.MANAGE_ABUSES);
    await abuses.remove(input.params(abuseIdParamsSchema, req).abuseId);
    res.status(204).end();
  });

  router.get('/abuses/:abuseId/messages', async (req, res) => {
    const me = requireUser(req);
    res.json(await abuses.listMessages(me, input.params(abuseIdParamsSchema, req).abuseId));
  });

  router.post('/abuses/:abuseId/messages', async (req, res) => {
    const me = requireUser(req);
    const { abuseId } = input.params(abuseIdParamsSchema, req);
    const id = await abuses.addMessage(me, abuseId, input.body(abuseMessageCreateSchema, req).message);
    res.json({ abuseMessage: { id } });
  });

  router.delete('/abuses/:abuseId/messages/:abuseMessageId', async (req, res) => {
    const me = requireUser(req);
    const { abuseId, abuseMessageId } = input.params(abuseMessageParamsSchema, req);
    await abuses.removeMessage(me, abuseId, abuseMessageId);
    res.status(204).end();
  });

  return router;
}

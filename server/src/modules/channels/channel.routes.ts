import { Router } from 'express';
import { z } from 'zod';
import { channelCreateSchema, channelUpdateSchema, listQuerySchema } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { accountRepository } from '../accounts/account.repository';
import { channelRepository } from './channel.repository';
import { serializeChannel } from './channel.serializer';
import type { ChannelService } from './channel.service';

const handleParams = z.object({ handle: z.string().min(1).max(300) });
const accountParams = z.object({ name: z.string().min(1).max(300) });
const listQuery = listQuerySchema(['id', 'name', 'updatedAt', 'createdAt'], '-createdAt');

export function channelRoutes(ctx: AppContext, channels: ChannelService): Router {
  const router = Router();

  router.get('/video-channels', async (req, res) => {
    const q = input.query(listQuery, req);
    const { rows, count } = await channelRepository.list(q);
    res.json({ total: count, data: rows.map((c) => serializeChannel(ctx, c)) });
  });

  router.post('/video-channels', async (req, res) => {
    const me = requireUser(req);
    const channel = await channels.create(me, input.body(channelCreateSchema, req));
    res.json({ videoChannel: { id: channel.id } });
  });

  router.get('/video-channels/:handle', async (req, res) => {
    const { handle } = input.params(handleParams, req);
    res.json(serializeChannel(ctx, await channels.getByHandle(handle)));
  });

  router.put('/video-channels/:handle', async (req, res) => {
    const me = requireUser(req);
    await channels.update(me, input.params(handleParams, req).handle, input.body(channelUpdateSchema, req));
    res.status(204).end();
  });

  router.delete('/video-channels/:handle', async (req, res) => {
    const me = requireUser(req);
    await channels.remove(me, input.params(handleParams, req).handle);
    res.status(204).end();
  });

  router.get('/accounts/:name/video-channels', async (req, res) => {
    const { name } = input.params(accountParams, req);
    const q = input.query(listQuery, req);
    const account = await accountRepository.findByHandle(name, ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    const { rows, count } = await channelRepository.list({ ...q, accountId: account.id });
    res.json({ total: count, data: rows.map((c) => serializeChannel(ctx, c)) });
  });

  return router;
}

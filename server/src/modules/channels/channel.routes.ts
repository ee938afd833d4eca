import { Router } from 'express';
import { z } from 'zod';
import {
  channelCreateSchema,
  channelUpdateSchema,
  listQuerySchema,
  type ActorAvatarsResponse,
  type ActorBannersResponse,
  type ActorImageKind,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { accountRepository } from '../accounts/account.repository';
import { receiveActorImage, serializeImage } from '../actors';
import type { ChannelService } from './channel.service';

const handleParams = z.object({ handle: z.string().min(1).max(300) });
const accountParams = z.object({ name: z.string().min(1).max(300) });
const listQuery = listQuerySchema(['id', 'name', 'updatedAt', 'createdAt'], '-createdAt');

export function channelRoutes(ctx: AppContext, channels: ChannelService): Router {
  const router = Router();

  router.get('/video-channels', async (req, res) => {
    const { start, count, sort } = input.query(listQuery, req);
    const page = await channels.publicList({ start, count, sort });
    // With the ETag set, Express answers 304 to a matching If-None-Match instead of hashing the body again.
    res.set('ETag', page.etag).type('application/json').send(page.body);
  });

  router.post('/video-channels', async (req, res) => {
    const me = requireUser(req);
    const channel = await channels.create(me, input.body(channelCreateSchema, req));
    res.json({ videoChannel: { id: channel.id } });
  });

  router.get('/video-channels/:handle', async (req, res) => {
    res.json(await channels.getJson(input.params(handleParams, req).handle));
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

  imageRoutes(router, ctx, channels, 'avatar');
  imageRoutes(router, ctx, channels, 'banner');

  router.get('/accounts/:name/video-channels', async (req, res) => {
    const { name } = input.params(accountParams, req);
    const { start, count, sort } = input.query(listQuery, req);
    const account = await accountRepository.findByHandle(name, ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    res.json(await channels.list({ start, count, sort, accountId: account.id }));
  });

  return router;
}

/** `POST …/{kind}/pick` (multipart) and `DELETE …/{kind}`; rights are checked before the upload is read. */
function imageRoutes(router: Router, ctx: AppContext, channels: ChannelService, kind: ActorImageKind): void {
  router.post(`/video-channels/:handle/${kind}/pick`, async (req, res) => {
    const me = requireUser(req);
    const channel = await channels.getManageable(me, input.params(handleParams, req).handle);
    const file = await receiveActorImage(req, res, kind);
    const images = (await channels.setImage(channel, kind, file)).map((i) => serializeImage(ctx, i));
    const body: ActorAvatarsResponse | ActorBannersResponse = kind === 'avatar' ? { avatars: images } : { banners: images };
    res.json(body);
  });

  router.delete(`/video-channels/:handle/${kind}`, async (req, res) => {
    const me = requireUser(req);
    await channels.removeImage(await channels.getManageable(me, input.params(handleParams, req).handle), kind);
    res.status(204).end();
  });
}

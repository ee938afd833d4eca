import { Router, type Request } from 'express';
import { z } from 'zod';
import { roleHasRight, UserRight, VideoPrivacy, videoListQuerySchema, videoSearchQuerySchema, type VideoListQuery } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { accountRepository } from '../accounts/account.repository';
import { channelRepository } from '../channels/channel.repository';
import { videoRepository, type ListScope } from './video.repository';
import { serializeVideo } from './video.serializer';

const nameParams = z.object({ name: z.string().min(1).max(300) });

/** Default NSFW filter from the instance policy. */
function defaultNsfw(ctx: AppContext): ListScope['defaultNsfw'] {
  return ctx.config.instance.default_nsfw_policy === 'do_not_list' ? 'false' : 'both';
}

/** Asking for non-public privacies or extra states needs SEE_ALL_VIDEOS. */
function publicScope(ctx: AppContext, req: Request, q: VideoListQuery): ListScope {
  const wantsMore = (q.privacyOneOf && q.privacyOneOf.some((p) => p !== VideoPrivacy.PUBLIC)) || (q.include ?? 0) > 0;
  const seeAll = !!req.auth && roleHasRight(req.auth.role, UserRight.SEE_ALL_VIDEOS);
  if (wantsMore && !seeAll) throw req.auth ? AppError.forbidden('You cannot list these videos') : AppError.unauthorized();
  return { seeAll: seeAll && wantsMore, loggedIn: !!req.auth, defaultNsfw: defaultNsfw(ctx), viewerAccountId: req.auth?.accountId };
}

export function videoListRoutes(ctx: AppContext): Router {
  const router = Router();
  const send = async (res: import('express').Response, q: VideoListQuery, scope: ListScope, withState = false) => {
    const { rows, count } = await videoRepository.list(q, scope);
    res.json({ total: count, data: rows.map((v) => serializeVideo(ctx, v, { withState })) });
  };

  router.get('/videos', async (req, res) => {
    const q = input.query(videoListQuerySchema, req);
    await send(res, q, publicScope(ctx, req, q), !!q.include);
  });

  router.get('/search/videos', async (req, res) => {
    const q = input.query(videoSearchQuerySchema, req);
    if (!q.search) throw AppError.badRequest('search is required');
    await send(res, q, publicScope(ctx, req, q));
  });

  router.get('/users/me/videos', async (req, res) => {
    const me = requireUser(req);
    const q = input.query(videoListQuerySchema.extend({ sort: videoListQuerySchema.shape.sort.default('-createdAt') }), req);
    await send(res, { ...q, nsfw: q.nsfw ?? 'both' }, { accountId: me.accountId, ownerView: true, defaultNsfw: 'both' }, true);
  });

  router.get('/accounts/:name/videos', async (req, res) => {
    const { name } = input.params(nameParams, req);
    const q = input.query(videoListQuerySchema, req);
    const account = await accountRepository.findByHandle(name, ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    await send(res, q, { ...publicScope(ctx, req, q), accountId: account.id });
  });

  router.get('/video-channels/:name/videos', async (req, res) => {
    const { name } = input.params(nameParams, req);
    const q = input.query(videoListQuerySchema, req);
    const channel = await channelRepository.findByHandle(name, ctx.publicHost);
    if (!channel) throw AppError.notFound('Video channel');
    await send(res, q, { ...publicScope(ctx, req, q), channelId: channel.id });
  });

  return router;
}

import { Router, type Request } from 'express';
import { Op } from 'sequelize';
import { z } from 'zod';
import { VideoPrivacy, VideoState } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { input, requireUser } from '../../../platform/http';
import { AccountModel } from '../../accounts';
import { channelRepository, serializeChannel } from '../../channels';
import { serializeVideo, videoListInclude, VideoModel } from '../../videos';
import type { FederationApi } from './federation-port';
import type { RemoteVideoResolver } from './remote-video.resolver';

const searchQuery = z.object({ search: z.string().min(1).max(2000) }).loose();
const pageQuery = z
  .object({ start: z.coerce.number().int().min(0).default(0), count: z.coerce.number().int().min(1).max(100).default(15) })
  .loose();
const URL_SEARCH = /^https?:\/\//i;
const HANDLE_SEARCH = /^@?[\w.:-]+@[\w.-]+(:\d+)?$/;

export interface RemoteSearchPolicy {
  users: boolean;
  anonymous: boolean;
}

/**
 * Search by URL or handle imports remote objects (PeerTube's `search.remote_uri`); other
 * searches fall through to the local search routes.
 */
export function searchRoutes(ctx: AppContext, fed: FederationApi, videos: RemoteVideoResolver, policy: RemoteSearchPolicy): Router {
  const router = Router();
  const mayFetch = (req: Request) => (req.auth ? policy.users : policy.anonymous);

  router.get('/search/videos', async (req, res, next) => {
    const { search } = input.query(searchQuery, req);
    if (!URL_SEARCH.test(search.trim())) return next();
    const url = search.trim();
    let video = await VideoModel.findOne({ where: { url } });
    if (!video && mayFetch(req) && !url.startsWith(`${ctx.publicUrl}/`)) {
      video = await videos.getOrFetch(url).catch((err: unknown) => {
        ctx.logger.info({ err, url }, 'remote video search found nothing');
        return null;
      });
    }
    // Search by URL finds public and unlisted videos only, whoever asks.
    const visible =
      video && video.state === VideoState.PUBLISHED && (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED);
    const full = visible ? await VideoModel.findByPk(video!.id, { include: videoListInclude() }) : null;
    res.json({ total: full ? 1 : 0, data: full ? [serializeVideo(ctx, full)] : [] });
  });

  router.get('/search/video-channels', async (req, res, next) => {
    const { search } = input.query(searchQuery, req);
    const term = search.trim().replace(/^@/, '');
    if (!URL_SEARCH.test(term) && !HANDLE_SEARCH.test(term)) return next();
    let handle = term;
    if (mayFetch(req)) {
      const actor = await fed.resolveRemoteActor(term).catch(() => null);
      if (actor?.type === 'Group') handle = actor.host ? `${actor.preferredUsername}@${actor.host}` : actor.preferredUsername;
    }
    const found = URL_SEARCH.test(handle) ? null : await channelRepository.findForJson(ctx.sequelize, handle, ctx.publicHost);
    res.json({ total: found ? 1 : 0, data: found ? [serializeChannel(ctx, found)] : [] });
  });

  router.get('/users/me/subscriptions/videos', async (req, res) => {
    const me = requireUser(req);
    const { start, count } = input.query(pageQuery, req);
    const account = await AccountModel.findByPk(me.accountId);
    if (!account) throw AppError.notFound('Account');
    const actorIds = await fed.followedActorIds(account.actorId, { state: 'accepted' });
    const channelIds = (await Promise.all(actorIds.map((id) => fed.getChannelIdOfActor(id)))).filter((id): id is number => !!id);
    if (channelIds.length === 0) return res.json({ total: 0, data: [] });
    const { rows, count: total } = await VideoModel.findAndCountAll({
      where: { channelId: { [Op.in]: channelIds }, privacy: VideoPrivacy.PUBLIC, state: VideoState.PUBLISHED },
      include: videoListInclude(),
      order: [
        ['publishedAt', 'DESC'],
        ['id', 'DESC'],
      ],
      offset: start,
      limit: count,
      distinct: true,
    });
    res.json({ total, data: rows.map((v) => serializeVideo(ctx, v)) });
  });
  return router;
}

import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { Op } from 'sequelize';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { rateLimit } from '../../../platform/http';
import { ActorModel } from '../../actors';
import { actorFollowRepository } from '../follows/actor-follow.repository';
import { orderedCollection, sendActivityPub, wantsActivityPub } from '../http/activitypub-response';
import type { InboxService } from '../inbox/inbox.service';
import { actorDocument } from './actor.ap';
import type { LocalActors } from './local-actors';
import { sameName } from './name-match';

export type OutboxProvider = (actor: ActorModel, start: number, count: number) => Promise<{ total: number; items: unknown[] }>;

const ACCOUNT_PATHS = ['/accounts/:name', '/account/:name', '/a/:name', '/accounts/:name/video-channels', '/a/:name/video-channels'];
const CHANNEL_PATHS = ['/video-channels/:name', '/c/:name', '/video-channels/:name/videos', '/c/:name/videos'];

/**
 * ActivityPub side of actor URLs: documents and collections when the client negotiates AP
 * (otherwise the request goes on to the web client), and the personal and shared inboxes.
 */
export function actorRoutes(ctx: AppContext, actors: LocalActors, inbox: InboxService, outbox: () => OutboxProvider | undefined): Router {
  const router = Router();
  const find = async (name: string, group: boolean) => {
    // The instance actor is created lazily: make sure it exists before the first lookup of it.
    if (!group) await actors.getInstanceActor();
    const actor = await ActorModel.findOne({
      where: { host: null, [Op.and]: [sameName(name)], type: group ? 'Group' : ['Person', 'Application'] },
    });
    if (!actor) throw AppError.notFound(group ? 'Video channel' : 'Account');
    return actor;
  };
  const apOnly = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    if (!wantsActivityPub(req)) return next();
    handler(req, res).catch(next);
  };
  const name = (req: Request) => String(req.params.name);

  for (const [paths, prefix, group] of [
    [ACCOUNT_PATHS, '/accounts', false],
    [CHANNEL_PATHS, '/video-channels', true],
  ] as const) {
    router.get(
      [...paths],
      apOnly(async (req, res) => {
        const actor = await find(name(req), group);
        const { publicKey } = await actors.keysOf(actor);
        sendActivityPub(res, await actorDocument(ctx, actor, publicKey));
      }),
    );
    router.get(
      `${prefix}/:name/followers`,
      apOnly(async (req, res) => {
        const actor = await find(name(req), group);
        sendActivityPub(
          res,
          await orderedCollection(req, actor.followersUrl, (start, count) => followPage(actor.id, 'followers', start, count)),
        );
      }),
    );
    router.get(
      `${prefix}/:name/following`,
      apOnly(async (req, res) => {
        const actor = await find(name(req), group);
        sendActivityPub(
          res,
          await orderedCollection(req, actor.followingUrl, (start, count) => followPage(actor.id, 'following', start, count)),
        );
      }),
    );
    router.get(
      `${prefix}/:name/outbox`,
      apOnly(async (req, res) => {
        const actor = await find(name(req), group);
        const provider = outbox();
        const page = provider ? (s: number, c: number) => provider(actor, s, c) : async () => ({ total: 0, items: [] });
        sendActivityPub(res, await orderedCollection(req, actor.outboxUrl, page));
      }),
    );
    router.get(
      `${prefix}/:name/playlists`,
      apOnly(async (req, res) => {
        const actor = await find(name(req), group);
        sendActivityPub(res, await orderedCollection(req, `${actor.url}/playlists`, async () => ({ total: 0, items: [] })));
      }),
    );
  }

  // Inboxes read the exact bytes: the Digest is computed over them.
  const limit = rateLimit(ctx.redis, `${ctx.config.redis.prefix}:rl:ap-inbox`, ctx.config.rates_limit.activity_pub);
  const raw = [limit, express.raw({ type: ['application/json', 'application/*+json'], limit: '500kb' })];
  router.post('/inbox', ...raw, (req, res, next) => inbox.receive(req, null).then(() => res.status(204).end(), next));
  router.post('/accounts/:name/inbox', ...raw, (req, res, next) =>
    find(name(req), false)
      .then((owner) => inbox.receive(req, owner))
      .then(() => res.status(204).end(), next),
  );
  router.post('/video-channels/:name/inbox', ...raw, (req, res, next) =>
    find(name(req), true)
      .then((owner) => inbox.receive(req, owner))
      .then(() => res.status(204).end(), next),
  );
  return router;
}

async function followPage(actorId: number, side: 'followers' | 'following', start: number, count: number) {
  const { rows, count: total } = await actorFollowRepository.list({
    ...(side === 'followers' ? { targetActorId: actorId } : { actorId }),
    state: 'accepted',
    start,
    count: Math.max(count, 0),
    order: 'ASC',
  });
  return { total, items: rows.map((f) => (side === 'followers' ? f.actor!.url : f.target!.url)) };
}

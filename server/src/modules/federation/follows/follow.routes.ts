import { Router } from 'express';
import { z } from 'zod';
import {
  actorHandle,
  serverFollowBody,
  serverFollowListQuery,
  subscriptionCreateBody,
  subscriptionExistQuery,
  subscriptionListQuery,
  UserRight,
} from '@shoal/models';
import { input, requireRight, requireUser } from '../../../platform/http';
import type { FollowApiService } from './follow-api.service';

const uriParams = z.object({ uri: actorHandle });
const handleParams = z.object({ handle: actorHandle });
const hostOrHandleParams = z.object({ hostOrHandle: z.string().min(1).max(400) });

/** `/users/me/subscriptions*` and `/server/following|followers*` (PeerTube's REST names). */
export function followRoutes(api: FollowApiService): Router {
  const router = Router();

  router.get('/users/me/subscriptions', async (req, res) => {
    const me = requireUser(req);
    res.json(await api.listSubscriptions(me.accountId, input.query(subscriptionListQuery, req)));
  });
  router.post('/users/me/subscriptions', async (req, res) => {
    const me = requireUser(req);
    await api.subscribe(me.accountId, input.body(subscriptionCreateBody, req).uri);
    res.status(204).end();
  });
  router.get('/users/me/subscriptions/exist', async (req, res) => {
    const me = requireUser(req);
    res.json(await api.exist(me.accountId, input.query(subscriptionExistQuery, req).uris));
  });
  router.get('/users/me/subscriptions/:uri', async (req, res, next) => {
    // `videos` is the objects module's feed of subscriptions.
    if (req.params.uri === 'videos') return next();
    const me = requireUser(req);
    res.json(await api.getSubscription(me.accountId, input.params(uriParams, req).uri));
  });
  router.delete('/users/me/subscriptions/:uri', async (req, res) => {
    const me = requireUser(req);
    await api.unsubscribe(me.accountId, input.params(uriParams, req).uri);
    res.status(204).end();
  });

  router.get('/server/following', async (req, res) => {
    res.json(await api.list('following', input.query(serverFollowListQuery, req)));
  });
  router.get('/server/followers', async (req, res) => {
    res.json(await api.list('followers', input.query(serverFollowListQuery, req)));
  });
  router.post('/server/following', async (req, res) => {
    requireRight(req, UserRight.MANAGE_SERVER_FOLLOW);
    const body = input.body(serverFollowBody, req);
    await api.followHostsAndHandles(body.hosts ?? [], body.handles ?? []);
    res.status(204).end();
  });
  router.delete('/server/following/:hostOrHandle', async (req, res) => {
    requireRight(req, UserRight.MANAGE_SERVER_FOLLOW);
    await api.unfollowHostOrHandle(input.params(hostOrHandleParams, req).hostOrHandle);
    res.status(204).end();
  });
  router.post('/server/followers/:handle/accept', async (req, res) => {
    requireRight(req, UserRight.MANAGE_SERVER_FOLLOW);
    await api.decideFollower(input.params(handleParams, req).handle, true);
    res.status(204).end();
  });
  router.post('/server/followers/:handle/reject', async (req, res) => {
    requireRight(req, UserRight.MANAGE_SERVER_FOLLOW);
    await api.decideFollower(input.params(handleParams, req).handle, false);
    res.status(204).end();
  });
  router.delete('/server/followers/:handle', async (req, res) => {
    requireRight(req, UserRight.MANAGE_SERVER_FOLLOW);
    await api.removeFollower(input.params(handleParams, req).handle);
    res.status(204).end();
  });
  return router;
}

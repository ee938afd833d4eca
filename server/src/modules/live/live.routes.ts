import { Router } from 'express';
import { liveCreateSchema, liveUpdateSchema } from '@shoal/models';
import { input, requireUser } from '../../platform/http';
import { imageFields, parseVideoId, uploadedImages, viewerOf } from '../videos';
import type { LiveService } from './live.service';

/** `/videos/live…` and `/videos/:id/live-session` (PeerTube's live API). */
export function liveRoutes(lives: LiveService): Router {
  const router = Router();

  router.post(
    '/videos/live',
    (req, _res, next) => {
      requireUser(req);
      next();
    },
    imageFields,
    async (req, res) => {
      const me = requireUser(req);
      res.json(await lives.create(me, input.body(liveCreateSchema, req), uploadedImages(req)));
    },
  );

  router.get('/videos/live/:id', async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await lives.get(parseVideoId(req), viewerOf(req)));
  });

  router.put('/videos/live/:id', async (req, res) => {
    const me = requireUser(req);
    await lives.update(me, parseVideoId(req), input.body(liveUpdateSchema, req));
    res.status(204).end();
  });

  router.get('/videos/live/:id/sessions', async (req, res) => {
    const me = requireUser(req);
    res.json(await lives.sessions(me, parseVideoId(req)));
  });

  router.get('/videos/:id/live-session', async (req, res) => {
    res.json(await lives.sessionOfReplay(parseVideoId(req), viewerOf(req)));
  });

  return router;
}

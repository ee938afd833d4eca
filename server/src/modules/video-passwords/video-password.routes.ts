import { Router } from 'express';
import { videoPasswordIdParamsSchema, videoPasswordListQuerySchema, videoPasswordsUpdateSchema } from '@shoal/models';
import { input, requireUser } from '../../platform/http';
import { parseVideoId } from '../videos';
import type { VideoPasswordService } from './video-password.service';

export function videoPasswordRoutes(passwords: VideoPasswordService): Router {
  const router = Router();

  router.get('/videos/:id/passwords', async (req, res) => {
    const me = requireUser(req);
    const page = input.query(videoPasswordListQuerySchema, req);
    res.set('Cache-Control', 'private, no-store').json(await passwords.list(me, parseVideoId(req), page));
  });

  router.put('/videos/:id/passwords', async (req, res) => {
    const me = requireUser(req);
    const { passwords: list } = input.body(videoPasswordsUpdateSchema, req);
    await passwords.replace(me, parseVideoId(req), list);
    res.status(204).end();
  });

  router.delete('/videos/:id/passwords/:passwordId', async (req, res) => {
    const me = requireUser(req);
    const { passwordId } = input.params(videoPasswordIdParamsSchema, req);
    await passwords.remove(me, parseVideoId(req), passwordId);
    res.status(204).end();
  });

  return router;
}

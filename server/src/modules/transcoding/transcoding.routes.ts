import { Router } from 'express';
import { videoTranscodingCreateSchema } from '@shoal/models';
import { input, requireUser } from '../../platform/http';
import { parseVideoId } from '../videos';
import type { TranscodingService } from './transcoding.service';

export function transcodingRoutes(transcoding: TranscodingService): Router {
  const router = Router();

  router.post('/videos/:id/transcoding', async (req, res) => {
    const me = requireUser(req);
    const body = input.body(videoTranscodingCreateSchema, req);
    await transcoding.retry(me, parseVideoId(req), body);
    res.status(204).end();
  });

  return router;
}

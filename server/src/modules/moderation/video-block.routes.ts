import { Router } from 'express';
import { UserRight, videoBlockCreateSchema, videoBlockListQuerySchema, videoBlockUpdateSchema } from '@shoal/models';
import { input, requireRight } from '../../platform/http';
import { parseVideoId } from '../videos';
import type { VideoBlockService } from './video-block.service';

/** `/videos/blacklist` must be mounted before `/videos/:id`. */
export function videoBlockRoutes(blocks: VideoBlockService): Router {
  const router = Router();

  router.get('/videos/blacklist', async (req, res) => {
    requireRight(req, UserRight.MANAGE_VIDEO_BLACKLIST);
    res.json(await blocks.list(input.query(videoBlockListQuerySchema, req)));
  });

  router.post('/videos/:id/blacklist', async (req, res) => {
    requireRight(req, UserRight.MANAGE_VIDEO_BLACKLIST);
    await blocks.block(parseVideoId(req), input.body(videoBlockCreateSchema, req));
    res.status(204).end();
  });

  router.put('/videos/:id/blacklist', async (req, res) => {
    requireRight(req, UserRight.MANAGE_VIDEO_BLACKLIST);
    await blocks.update(parseVideoId(req), input.body(videoBlockUpdateSchema, req).reason);
    res.status(204).end();
  });

  router.delete('/videos/:id/blacklist', async (req, res) => {
    requireRight(req, UserRight.MANAGE_VIDEO_BLACKLIST);
    await blocks.unblock(parseVideoId(req));
    res.status(204).end();
  });

  return router;
}

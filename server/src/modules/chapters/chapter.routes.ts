import { Router } from 'express';
import { videoChaptersSchema } from '@shoal/models';
import { input, requireUser } from '../../platform/http';
import { parseVideoId, viewerOf } from '../videos';
import type { ChapterService } from './chapter.service';

export function chapterRoutes(chapters: ChapterService): Router {
  const router = Router();

  router.get('/videos/:id/chapters', async (req, res) => {
    const result = await chapters.list(parseVideoId(req), viewerOf(req));
    // Chapters of a non-public video must not be kept by shared caches.
    if (result.access !== 'public') res.set('Cache-Control', 'private, no-store');
    res.json({ chapters: result.chapters });
  });

  router.put('/videos/:id/chapters', async (req, res) => {
    const me = requireUser(req);
    const body = input.body(videoChaptersSchema, req);
    await chapters.replace(me, parseVideoId(req), body.chapters);
    res.status(204).end();
  });

  return router;
}

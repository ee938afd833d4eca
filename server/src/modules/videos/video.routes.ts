import { Router } from 'express';
import { z } from 'zod';
import {
  VIDEO_CATEGORIES,
  VIDEO_LANGUAGES,
  VIDEO_LICENCES,
  VIDEO_PRIVACY_LABELS,
  videoRateSchema,
  videoUpdateSchema,
  videoViewSchema,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { VideoFileModel } from './video-file.model';
import { imageFields, parseVideoId, uploadedImages, viewerOf } from './video-request';
import type { VideoViews } from './video-views';
import { serializeVideoDetails } from './video.serializer';
import type { VideoService } from './video.service';

const fileParams = z.object({
  fileId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** Viewers watching a live right now (the live module's count, remote viewers included). */
export type LiveViewerCount = (videoId: number) => Promise<number>;

export function videoRoutes(ctx: AppContext, videos: VideoService, views: VideoViews, liveViewers: LiveViewerCount): Router {
  const router = Router();

  router.get('/videos/categories', (_req, res) => void res.json(VIDEO_CATEGORIES));
  router.get('/videos/licences', (_req, res) => void res.json(VIDEO_LICENCES));
  router.get('/videos/languages', (_req, res) => void res.json(VIDEO_LANGUAGES));
  router.get('/videos/privacies', (_req, res) => void res.json(VIDEO_PRIVACY_LABELS));

  router.get('/videos/:id', async (req, res) => {
    const { video, access } = await videos.getForViewer(parseVideoId(req), viewerOf(req));
    // Federation refreshes a stale remote copy in the background; the answer does not wait.
    if (video.remote) void ctx.events.emit('remote-video-read', { videoId: video.id });
    // Private answers must never be stored by shared caches.
    if (access !== 'public') res.set('Cache-Control', 'private, no-store');
    const details = serializeVideoDetails(ctx, video, { withPrivateFields: access === 'owner' });
    if (video.isLive) details.viewers = await liveViewers(video.id).catch(() => 0);
    res.json(details);
  });

  router.get('/videos/:id/description', async (req, res) => {
    const { video } = await videos.getForViewer(parseVideoId(req), viewerOf(req));
    res.json({ description: video.description ?? null });
  });

  router.get('/videos/:id/metadata/:fileId', async (req, res) => {
    const { video } = await videos.getForViewer(parseVideoId(req), viewerOf(req));
    const file = await VideoFileModel.findOne({ where: { id: input.params(fileParams, req).fileId, videoId: video.id } });
    if (!file) throw AppError.notFound('Video file');
    res.json(file.metadata ?? {});
  });

  router.put('/videos/:id', imageFields, async (req, res) => {
    const me = requireUser(req);
    await videos.update(me, parseVideoId(req), input.body(videoUpdateSchema, req), uploadedImages(req));
    res.status(204).end();
  });

  router.delete('/videos/:id', async (req, res) => {
    const me = requireUser(req);
    await videos.remove(me, parseVideoId(req));
    res.status(204).end();
  });

  router.put('/videos/:id/rate', async (req, res) => {
    const me = requireUser(req);
    const { rating } = input.body(videoRateSchema, req);
    await videos.rate(me, parseVideoId(req), rating, viewerOf(req).password);
    res.status(204).end();
  });

  router.get('/users/me/videos/:id/rating', async (req, res) => {
    res.json(await videos.myRating(requireUser(req), parseVideoId(req)));
  });

  const addView = async (req: import('express').Request, res: import('express').Response) => {
    const body = input.body(videoViewSchema, req);
    const { video } = await videos.getForViewer(parseVideoId(req), viewerOf(req));
    if (video.duration > 0 && body.currentTime > video.duration + 1) throw AppError.badRequest('currentTime is beyond the video duration');
    await views.addView(video.id, { ip: req.ip ?? '', userId: req.auth?.id, sessionId: body.sessionId });
    res.status(204).end();
  };
  router.post('/videos/:id/views', addView);
  router.put('/videos/:id/views', addView);

  return router;
}

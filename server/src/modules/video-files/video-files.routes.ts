import { Router } from 'express';
import { resolutionLabel, type VideoFileTokenResponse, type VideoSource } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http';
import { DOWNLOAD_PATHS, parseVideoId, viewerOf, type VideoService, type VideoSourceModel } from '../videos';
import type { VideoFileAccess } from './video-file-access.service';
import { videoFileRepository } from './video-file.repository';

/** `/api/v1` routes of this module: file tokens and the original's description. */
export function videoFileApiRoutes(ctx: AppContext, access: VideoFileAccess, videos: VideoService): Router {
  const router = Router();

  router.post('/videos/:id/token', async (req, res) => {
    const { token, expires } = await access.createToken(parseVideoId(req), viewerOf(req));
    const body: VideoFileTokenResponse = { files: { token, expires: expires.toISOString() } };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.get('/videos/:id/source', async (req, res) => {
    requireUser(req);
    const { video, access: granted } = await videos.getForViewer(parseVideoId(req), viewerOf(req));
    if (granted !== 'owner') throw AppError.forbidden('Only the owner of this video may see its source');
    const source = await videoFileRepository.findLatestSource(video.id);
    if (!source) throw AppError.notFound('Video source');
    res.set('Cache-Control', 'private, no-store').json(serializeSource(ctx, source));
  });

  return router;
}

function serializeSource(ctx: AppContext, source: VideoSourceModel): VideoSource {
  return {
    inputFilename: source.inputFilename,
    filename: source.inputFilename,
    fileDownloadUrl: source.keepFilename ? `${ctx.publicUrl}${DOWNLOAD_PATHS.originals}${source.keepFilename}` : null,
    resolution: { id: source.resolution, label: resolutionLabel(source.resolution, source.fps) },
    size: source.size,
    fps: source.fps,
    width: source.width,
    height: source.height,
    metadata: source.metadata ?? null,
    createdAt: source.createdAt.toISOString(),
  };
}

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ServerErrorCode, UserRight, videoUploadSchema, type VideoCreateResult, type VideoUpload } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input, requireUser } from '../../platform/http';
import { parseVideoId, toShortUuid, type VideoService } from '../videos';
import { parseContentRange } from './content-range';
import { assertAcceptedFilename } from './media-check';
import { assertUploadAllowed } from './quota';
import { rangeHeader, type ResumableUploadService } from './resumable-upload.service';
import type { UploadSessionModel } from './upload-session.model';
import type { VideoCreationService } from './video-creation.service';

const sessionQuery = z.object({ upload_id: z.string().min(1).max(64) });
const replaceBody = z.object({ filename: z.string().min(1).max(255) });

/** Headers every init must send. */
function announced(req: Request): { size: number; mimeType: string } {
  const length = req.get('x-upload-content-length');
  const mimeType = req.get('x-upload-content-type');
  if (!length || !/^\d{1,15}$/.test(length)) throw AppError.badRequest('X-Upload-Content-Length must be the file size in bytes');
  if (!mimeType || mimeType.length > 255) throw AppError.badRequest('X-Upload-Content-Type is required');
  return { size: Number(length), mimeType };
}

function sendLocation(ctx: AppContext, req: Request, res: Response, id: string, resumed: boolean) {
  res.setHeader('Location', `//${ctx.publicHost}/api/v1${req.path}?upload_id=${id}`);
  res
    .status(resumed ? 200 : 201)
    .setHeader('Content-Length', '0')
    .end();
}

export function resumableUploadRoutes(
  ctx: AppContext,
  uploads: ResumableUploadService,
  creation: VideoCreationService,
  videos: VideoService,
): Router {
  const router = Router();

  router.post('/videos/upload-resumable', async (req, res) => {
    const me = requireUser(req);
    const { size, mimeType } = announced(req);
    const body = input.body(videoUploadSchema, req);
    if (!body.filename) throw AppError.badRequest('filename is required');
    await creation.checkMetadata(me, body, body.filename, size);
    const fingerprint = `video|${body.filename}|${size}|${body.lastModified ?? ''}|${body.channelId}`;
    const { session, resumed } = await uploads.open({
      userId: me.id,
      kind: 'video',
      videoId: null,
      metadata: body,
      filename: body.filename,
      mimeType,
      size,
      fingerprint,
    });
    sendLocation(ctx, req, res, session.id, resumed);
  });

  router.post('/videos/:id/source/replace-resumable', async (req, res) => {
    const me = requireUser(req);
    if (!ctx.config.video_file.update.enabled) throw AppError.forbidden('Replacing video files is disabled on this instance');
    const video = await videos.getManageable(parseVideoId(req), me, UserRight.UPDATE_ANY_VIDEO);
    if (video.isLive) throw AppError.badRequest('The file of a live cannot be replaced');
    const { size, mimeType } = announced(req);
    const { filename } = input.body(replaceBody, req);
    assertAcceptedFilename(ctx, filename);
    await assertUploadAllowed(ctx, me.id, size);
    const fingerprint = `replace|${video.id}|${filename}|${size}`;
    const { session, resumed } = await uploads.open({
      userId: me.id,
      kind: 'replace',
      videoId: video.id,
      metadata: {},
      filename,
      mimeType,
      size,
      fingerprint,
    });
    sendLocation(ctx, req, res, session.id, resumed);
  });

  const put = async (req: Request, res: Response) => {
    const me = requireUser(req);
    const session = await uploads.get(input.query(sessionQuery, req).upload_id, me.id);
    if (session.status === 'done') return void finish(res, session);
    const range = parseContentRange(req.get('content-range'));
    if (!range) throw AppError.badRequest('Content-Range must be "bytes <first>-<last>/<total>" or "bytes */<total>"');
    // Answer only once the lock is released: a fast client sends its next chunk right away.
    const received = await uploads
      .withLock(session.id, async () => {
        const outcome = await uploads.writeChunk(session, range, req);
        if (!outcome.done) return outcome.received;
        await session.update({ status: 'processing' });
        await complete(session, outcome.path, me);
        return null;
      })
      .catch(async (err) => {
        if (err instanceof AppError && err.code === ServerErrorCode.UPLOAD_IN_PROGRESS && session.status === 'processing') {
          throw new AppError(503, ServerErrorCode.UPLOAD_IN_PROGRESS, 'The upload is being processed', {
            headers: { 'Retry-After': '30' },
          });
        }
        // A refused file is gone for good: the client must start over.
        if (err instanceof AppError && err.status !== 409 && err.status !== 429 && session.status === 'processing')
          await uploads.remove(session);
        throw err;
      });
    if (received !== null) return void res.status(308).set(rangeHeader(received)).setHeader('Content-Length', '0').end();
    finish(res, session);
  };

  async function complete(session: UploadSessionModel, path: string, me: ReturnType<typeof requireUser>) {
    const file = { path, filename: session.filename, size: session.size };
    if (session.kind === 'replace') {
      await creation.replace(session.videoId!, file, me.id);
      await session.update({ status: 'done', result: null });
      return;
    }
    const video = await creation.create(me, session.metadata as VideoUpload, file);
    const result: VideoCreateResult = { video: { id: video.id, uuid: video.uuid, shortUUID: toShortUuid(video.uuid) } };
    await session.update({ status: 'done', result });
  }

  function finish(res: Response, session: UploadSessionModel) {
    if (session.kind === 'replace') return res.status(204).end();
    res.json(session.result);
  }

  const del = async (req: Request, res: Response) => {
    const me = requireUser(req);
    const session = await uploads.get(input.query(sessionQuery, req).upload_id, me.id);
    if (session.status === 'processing') throw new AppError(409, ServerErrorCode.CONFLICT, 'The upload is being processed');
    await uploads.remove(session);
    res.status(204).end();
  };

  for (const path of ['/videos/upload-resumable', '/videos/:id/source/replace-resumable']) {
    router.put(path, put);
    router.delete(path, del);
  }
  return router;
}

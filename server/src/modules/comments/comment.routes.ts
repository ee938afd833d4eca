import { Router } from 'express';
import {
  bulkRemoveCommentsSchema,
  commentAdminListQuerySchema,
  commentCreateSchema,
  commentIdParamsSchema,
  commentThreadListQuerySchema,
  threadIdParamsSchema,
  UserRight,
} from '@shoal/models';
import { input, requireRight, requireUser } from '../../platform/http';
import { parseVideoId, viewerOf } from '../videos';
import type { CommentService } from './comment.service';

/** Comment threads of a video, moderation lists and bulk removal. Mounted before `/videos/:id`. */
export function commentRoutes(comments: CommentService): Router {
  const router = Router();

  router.get('/videos/comments', async (req, res) => {
    requireRight(req, UserRight.SEE_ALL_COMMENTS);
    res.json(await comments.listForModerators(input.query(commentAdminListQuerySchema, req)));
  });

  router.get('/users/me/videos/comments', async (req, res) => {
    const me = requireUser(req);
    res.json(await comments.listForOwner(me, input.query(commentAdminListQuerySchema, req)));
  });

  router.post('/bulk/remove-comments-of', async (req, res) => {
    const me = requireUser(req);
    const body = input.body(bulkRemoveCommentsSchema, req);
    await comments.bulkRemove(me, body.accountName, body.scope);
    res.status(204).end();
  });

  router.get('/videos/:id/comment-threads', async (req, res) => {
    const id = parseVideoId(req);
    res.json(await comments.listThreads(id, viewerOf(req), input.query(commentThreadListQuerySchema, req)));
  });

  router.get('/videos/:id/comment-threads/:threadId', async (req, res) => {
    const id = parseVideoId(req);
    res.json(await comments.getThread(id, input.params(threadIdParamsSchema, req).threadId, viewerOf(req)));
  });

  router.post('/videos/:id/comment-threads', async (req, res) => {
    const me = requireUser(req);
    const id = parseVideoId(req);
    const { text } = input.body(commentCreateSchema, req);
    res.json({ comment: await comments.create(me, id, text, { password: viewerOf(req).password }) });
  });

  router.post('/videos/:id/comments/:commentId', async (req, res) => {
    const me = requireUser(req);
    const id = parseVideoId(req);
    const { commentId } = input.params(commentIdParamsSchema, req);
    const { text } = input.body(commentCreateSchema, req);
    res.json({ comment: await comments.create(me, id, text, { password: viewerOf(req).password, parentId: commentId }) });
  });

  router.delete('/videos/:id/comments/:commentId', async (req, res) => {
    const me = requireUser(req);
    const id = parseVideoId(req);
    await comments.remove(me, id, input.params(commentIdParamsSchema, req).commentId);
    res.status(204).end();
  });

  router.post('/videos/:id/comments/:commentId/approve', async (req, res) => {
    const me = requireUser(req);
    const id = parseVideoId(req);
    await comments.approve(me, id, input.params(commentIdParamsSchema, req).commentId);
    res.status(204).end();
  });

  return router;
}

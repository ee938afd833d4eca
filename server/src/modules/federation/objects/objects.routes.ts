import { Router, type Request, type Response } from 'express';
import { QueryTypes } from 'sequelize';
import { AS_PUBLIC, VideoPrivacy } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import { VideoCommentModel } from '../../comments';
import { VideoChapterModel, videoIdWhere, videoRepository, VideoModel } from '../../videos';
import { orderedCollection, sendActivityPub, wantsActivityPub } from '..';
import { CHAPTERS_CONTEXT, COMMENT_CONTEXT, contextWith, VIDEO_CONTEXT } from './ap-contexts';
import { buildNote, buildTombstone, noteUrl } from './comment.builder';
import { isFederable } from './video-audience';
import { buildVideoObject } from './video.builder';

type Handler = (req: Request, res: Response) => Promise<unknown>;

/** Only for AP requests: HTML navigations fall through to the web client, `*\/*` to the API 404. */
const apOnly = (handler: Handler) => async (req: Request, res: Response, next: () => void) => {
  if (!wantsActivityPub(req)) return next();
  await handler(req, res);
};

const notFound = (res: Response) => res.status(404).json({ status: 404, title: 'Not Found' });

async function federableVideo(ctx: AppContext, id: string): Promise<VideoModel | null> {
  const ref = videoIdWhere(id);
  if (!ref || ref.byNumericId) return null;
  const row = await VideoModel.findOne({ where: ref.where, attributes: ['id'] });
  const video = row ? await videoRepository.findByIdWithFiles(row.id) : null;
  if (!video) return null;
  if (video.remote) return video;
  const [block] = await ctx.sequelize.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM video_blacklist WHERE video_id = :id AND unfederated',
    { replacements: { id: video.id }, type: QueryTypes.SELECT },
  );
  return isFederable({ privacy: video.privacy, state: video.state, remote: false, unfederated: block.n > 0 }) ? video : null;
}

/** ActivityPub documents of videos and their comments, rates and shares (spec §1.3). */
export function objectRoutes(ctx: AppContext): Router {
  const router = Router();

  const video: Handler = async (req, res) => {
    const found = await federableVideo(ctx, String(req.params.id));
    if (!found) return notFound(res);
    // Remote videos: the origin holds the authoritative copy (PeerTube redirects too).
    if (found.remote) return res.redirect(302, found.url);
    const object = buildVideoObject(ctx, found);
    const activity = req.path.endsWith('/activity');
    const body = activity
      ? { type: 'Create', id: `${found.url}/activity`, actor: object.attributedTo[0], object, to: object.to, cc: object.cc }
      : object;
    sendActivityPub(res, { '@context': contextWith(VIDEO_CONTEXT), ...body });
  };
  router.get(['/videos/watch/:id', '/w/:id', '/videos/watch/:id/activity'], apOnly(video));

  router.get(
    '/videos/watch/:id/chapters',
    apOnly(async (req, res) => {
      const found = await federableVideo(ctx, String(req.params.id));
      if (!found || found.remote) return notFound(res);
      const chapters = await VideoChapterModel.findAll({ where: { videoId: found.id }, order: [['timecode', 'ASC']] });
      const hasPart = chapters.map((c, i) => ({
        name: c.title,
        startOffset: c.timecode,
        endOffset: chapters[i + 1]?.timecode ?? found.duration,
      }));
      sendActivityPub(res, { '@context': contextWith(CHAPTERS_CONTEXT), id: `${found.url}/chapters`, hasPart });
    }),
  );

  const collection = (sql: string, countSql: string) =>
    apOnly(async (req, res) => {
      const found = await federableVideo(ctx, String(req.params.id));
      if (!found || found.remote) return notFound(res);
      const base = `${found.url}/${req.path.split('/').pop()}`;
      const body = await orderedCollection(req, base, async (start, count) => {
        const items = await ctx.sequelize.query<{ url: string }>(sql, {
          replacements: { video: found.id, start, count, publicUrl: ctx.publicUrl, uuid: found.uuid },
          type: QueryTypes.SELECT,
        });
        const [{ n }] = await ctx.sequelize.query<{ n: number }>(countSql, { replacements: { video: found.id }, type: QueryTypes.SELECT });
        return { total: n, items: items.map((i) => i.url) };
      });
      sendActivityPub(res, body);
    });
  const rateSql = (type: string) =>
    `SELECT coalesce(r.url, a.url || '/${type}s/' || r.video_id) AS url FROM video_rates r JOIN accounts ac ON ac.id = r.account_id
     JOIN actors a ON a.id = ac.actor_id WHERE r.video_id = :video AND r.type = '${type}' ORDER BY r.id OFFSET :start LIMIT :count`;
  const rateCount = (type: string) => `SELECT count(*)::int AS n FROM video_rates WHERE video_id = :video AND type = '${type}'`;
  router.get('/videos/watch/:id/likes', collection(rateSql('like'), rateCount('like')));
  router.get('/videos/watch/:id/dislikes', collection(rateSql('dislike'), rateCount('dislike')));
  router.get(
    '/videos/watch/:id/announces',
    collection(
      'SELECT url FROM video_shares WHERE video_id = :video ORDER BY id OFFSET :start LIMIT :count',
      'SELECT count(*)::int AS n FROM video_shares WHERE video_id = :video',
    ),
  );
  router.get(
    '/videos/watch/:id/comments',
    collection(
      `SELECT coalesce(url, :publicUrl || '/videos/watch/' || :uuid || '/comments/' || id) AS url FROM video_comments
       WHERE video_id = :video AND NOT held_for_review ORDER BY id OFFSET :start LIMIT :count`,
      'SELECT count(*)::int AS n FROM video_comments WHERE video_id = :video AND NOT held_for_review',
    ),
  );

  router.get(
    '/videos/watch/:id/announces/:actorId',
    apOnly(async (req, res) => {
      const found = await federableVideo(ctx, String(req.params.id));
      const actor = found && !found.remote ? await ActorModel.findByPk(Number(req.params.actorId) || 0) : null;
      const id = found ? `${found.url}/announces/${actor?.id}` : '';
      const [share] = actor
        ? await ctx.sequelize.query('SELECT id FROM video_shares WHERE url = :id', { replacements: { id }, type: QueryTypes.SELECT })
        : [];
      if (!found || !actor || !share) return notFound(res);
      sendActivityPub(res, { type: 'Announce', id, actor: actor.url, object: found.url, to: [AS_PUBLIC], cc: [actor.followersUrl] });
    }),
  );

  // Comments are served for local comments on any video we know, remote videos included: the
  // origin re-fetches forwarded activities from their author's instance.
  const comment: Handler = async (req, res) => {
    const found = await federableVideo(ctx, String(req.params.id));
    const commentId = /^\d{1,10}$/.test(String(req.params.commentId)) ? Number(req.params.commentId) : 0;
    if (!found || !commentId) return notFound(res);
    const row = await VideoCommentModel.findByPk(commentId);
    if (!row || row.videoId !== found.id) return deletedComment(res, noteUrl(ctx, { id: commentId, url: null }, found), req.path);
    if (row.url || row.heldForReview) return notFound(res);
    const parent = row.inReplyToCommentId ? await VideoCommentModel.findByPk(row.inReplyToCommentId) : null;
    const parentUrl = parent ? noteUrl(ctx, parent, found) : found.url;
    if (row.deletedAt || !row.accountId)
      return sendActivityPub(res, { '@context': contextWith(), ...buildTombstone(ctx, row, found, parentUrl) });
    if (req.path.endsWith('/delete')) return notFound(res);
    const account = await AccountModel.findByPk(row.accountId, { include: [{ model: ActorModel, as: 'actor' }] });
    if (!account?.actor) return notFound(res);
    const note = buildNote(ctx, { comment: row, video: found, parent, author: account.actor, mentions: [] });
    const body = req.path.endsWith('/activity')
      ? { type: 'Create', id: `${note.id}/activity`, actor: note.attributedTo, object: note, to: note.to, cc: note.cc }
      : note;
    sendActivityPub(res, { '@context': contextWith(COMMENT_CONTEXT), ...body });
  };

  /** A comment of ours that is gone: its `Delete` (and a Tombstone) stay dereferenceable. */
  async function deletedComment(res: Response, url: string, path: string) {
    const [tomb] = await ctx.sequelize.query<{ actor_url: string; deleted_at: Date }>('SELECT * FROM ap_tombstones WHERE url = :url', {
      replacements: { url },
      type: QueryTypes.SELECT,
    });
    if (!tomb) return notFound(res);
    if (path.endsWith('/delete')) {
      return sendActivityPub(res, {
        '@context': contextWith(),
        type: 'Delete',
        id: `${url}/delete`,
        actor: tomb.actor_url,
        object: url,
        to: [AS_PUBLIC],
      });
    }
    res.status(410);
    sendActivityPub(res, {
      '@context': contextWith(),
      type: 'Tombstone',
      formerType: 'Note',
      id: url,
      deleted: new Date(tomb.deleted_at).toISOString(),
    });
  }
  router.get(
    [
      '/videos/watch/:id/comments/:commentId',
      '/videos/watch/:id/comments/:commentId/activity',
      '/videos/watch/:id/comments/:commentId/delete',
    ],
    apOnly(comment),
  );

  // Rate ids `{actorUrl}/likes/{videoId}` stay dereferenceable (PeerTube's cleaner drops the others).
  const rate = (type: 'like' | 'dislike') =>
    apOnly(async (req, res) => {
      const actor = await ActorModel.findOne({ where: { preferredUsername: String(req.params.name), host: null, type: 'Person' } });
      const videoId = Number(req.params.videoId);
      const video = actor && Number.isInteger(videoId) && videoId > 0 && videoId < 2 ** 31 ? await VideoModel.findByPk(videoId) : null;
      const account = actor ? await AccountModel.findOne({ where: { actorId: actor.id } }) : null;
      const [row] =
        video && account
          ? await ctx.sequelize.query('SELECT 1 FROM video_rates WHERE account_id = :a AND video_id = :v AND type = :type', {
              replacements: { a: account.id, v: video.id, type },
              type: QueryTypes.SELECT,
            })
          : [];
      if (!actor || !video || !row || (!video.remote && video.privacy !== VideoPrivacy.PUBLIC && video.privacy !== VideoPrivacy.UNLISTED))
        return notFound(res);
      sendActivityPub(res, {
        '@context': contextWith(),
        type: type === 'like' ? 'Like' : 'Dislike',
        id: `${actor.url}/${type}s/${video.id}`,
        actor: actor.url,
        object: video.url,
      });
    });
  router.get('/accounts/:name/likes/:videoId', rate('like'));
  router.get('/accounts/:name/dislikes/:videoId', rate('dislike'));
  return router;
}

import { QueryTypes, type Transaction } from 'sequelize';
import {
  roleHasRight,
  ServerErrorCode,
  UserRight,
  VideoCommentPolicy,
  type CommentAdminListQuery,
  type VideoComment,
  type VideoCommentForAdminOrUser,
  type VideoCommentThreads,
  type VideoCommentThreadTree,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { accountRepository } from '../accounts';
import { hiddenAccountSql } from '../moderation/hidden-content';
import { videoRepository, VideoModel, type VideoService, type Viewer } from '../videos';
import type { WatchedWordsService } from '../watched-words';
import { VideoCommentModel } from './comment.model';
import { commentRepository as repo, withAccount, type CommentVisibility } from './comment.repository';
import { buildThreadTree, serializeComment, serializeCommentForAdmin, type CommentVideo } from './comment.serializer';

const ref = (v: VideoModel): CommentVideo => ({ id: v.id, uuid: v.uuid, name: v.name });

/** Threads, replies, deletion and the review workflow; what a viewer sees follows the video's privacy. */
export class CommentService {
  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
    private readonly words: WatchedWordsService,
  ) {}

  /** The video's owner and comment moderators see held comments and may delete or approve any. */
  private canModerate(auth: AuthUser | undefined, ownerAccountId: number): boolean {
    return !!auth && (auth.accountId === ownerAccountId || roleHasRight(auth.role, UserRight.MANAGE_ANY_VIDEO_COMMENT));
  }

  private visibility(auth: AuthUser | undefined, ownerAccountId: number): CommentVisibility {
    return { viewerAccountId: auth?.accountId, canModerate: this.canModerate(auth, ownerAccountId) };
  }

  async listThreads(id: string, viewer: Viewer, q: { start: number; count: number; sort: string }): Promise<VideoCommentThreads> {
    const { video } = await this.videos.getForViewer(id, viewer);
    if (video.commentsPolicy === VideoCommentPolicy.DISABLED) return { total: 0, totalNotDeletedComments: 0, data: [] };
    const owner = video.channel!.accountId;
    const { rows, total, totalNotDeleted } = await repo.listThreads(this.ctx.sequelize, {
      videoId: video.id,
      ownerAccountId: owner,
      visibility: this.visibility(viewer.auth, owner),
      ...q,
    });
    const data = rows.map((r) => serializeComment(this.ctx, r.comment, ref(video), r));
    return { total, totalNotDeletedComments: totalNotDeleted, data };
  }

  async getThread(id: string, threadId: number, viewer: Viewer): Promise<VideoCommentThreadTree> {
    const { video } = await this.videos.getForViewer(id, viewer);
    const owner = video.channel!.accountId;
    const comments =
      video.commentsPolicy === VideoCommentPolicy.DISABLED
        ? []
        : await repo.threadComments(this.ctx.sequelize, video.id, threadId, this.visibility(viewer.auth, owner));
    const tree = buildThreadTree(this.ctx, comments, ref(video), owner);
    if (!tree) throw AppError.notFound('Thread');
    return tree;
  }

  /** A new thread (no `parentId`) or a reply. */
  async create(me: AuthUser, id: string, text: string, opts: { password?: string; parentId?: number } = {}): Promise<VideoComment> {
    const { video } = await this.videos.getForViewer(id, { auth: me, password: opts.password });
    if (video.commentsPolicy === VideoCommentPolicy.DISABLED) throw AppError.conflict('Comments are disabled on this video');
    const owner = video.channel!.accountId;
    const parent = opts.parentId ? await this.parentFor(me, video, opts.parentId) : null;
    if (me.accountId !== owner && (await this.isHiddenFrom(me.accountId, owner))) {
      throw AppError.forbidden('The owner of this video does not accept your comments');
    }
    const tags = await this.words.commentTags(text, owner);
    const exempt = this.canModerate(me, owner);
    const held =
      !exempt &&
      (video.commentsPolicy === VideoCommentPolicy.REQUIRES_APPROVAL ||
        (await this.words.reviewPolicy(owner)).some((t) => tags.owner.includes(t)));
    const created = await withTransaction(this.ctx.sequelize, async (transaction) => {
      const comment = await VideoCommentModel.create(
        {
          text,
          videoId: video.id,
          accountId: me.accountId,
          originCommentId: parent ? parent.threadId : null,
          inReplyToCommentId: parent?.id ?? null,
          heldForReview: held,
        },
        { transaction },
      );
      const rows = [...tags.instance.map((name) => ({ accountId: null, name })), ...tags.owner.map((name) => ({ accountId: owner, name }))];
      await repo.addTags(this.ctx.sequelize, comment.id, rows, transaction);
      return comment;
    });
    await this.ctx.events.emit('comment-created', { commentId: created.id });
    const [loaded] = await repo.loadInOrder([created.id]);
    return serializeComment(this.ctx, loaded, ref(video), { totalReplies: 0, totalRepliesFromVideoAuthor: 0 });
  }

  private async parentFor(me: AuthUser, video: VideoModel, parentId: number): Promise<VideoCommentModel> {
    const parent = await VideoCommentModel.findByPk(parentId);
    if (!parent) throw AppError.notFound('Comment');
    if (parent.videoId !== video.id)
      throw AppError.badRequest('This comment is not on this video', ServerErrorCode.COMMENT_NOT_ASSOCIATED_TO_VIDEO);
    if (!(await repo.isVisible(this.ctx.sequelize, parent.id, this.visibility(me, video.channel!.accountId))))
      throw AppError.notFound('Comment');
    if (parent.deletedAt) throw AppError.badRequest('Cannot reply to a deleted comment');
    return parent;
  }

  /** Banned, blocked by the instance, or muted (account or host) by the video owner. */
  private async isHiddenFrom(authorAccountId: number, ownerAccountId: number): Promise<boolean> {
    const [row] = await this.ctx.sequelize.query<{ hidden: boolean }>(
      `SELECT ${hiddenAccountSql(String(Number(authorAccountId)), ownerAccountId)} AS hidden`,
      {
        type: QueryTypes.SELECT,
      },
    );
    return row.hidden;
  }

  /** A comment of video `id`, for changes: 404 unknown, 400 on another video. */
  private async commentOf(id: string, commentId: number): Promise<{ video: VideoModel; comment: VideoCommentModel }> {
    const video = await videoRepository.findRow(id);
    if (!video) throw AppError.notFound('Video');
    const comment = await VideoCommentModel.findByPk(commentId);
    if (!comment) throw AppError.notFound('Comment');
    if (comment.videoId !== video.id)
      throw AppError.badRequest('This comment is not on this video', ServerErrorCode.COMMENT_NOT_ASSOCIATED_TO_VIDEO);
    return { video, comment };
  }

  async remove(me: AuthUser, id: string, commentId: number): Promise<void> {
    const { video, comment } = await this.commentOf(id, commentId);
    if (comment.deletedAt) throw AppError.conflict('This comment is already deleted');
    if (comment.accountId !== me.accountId && !this.canModerate(me, video.channel!.accountId)) {
      throw AppError.forbidden('You cannot delete this comment');
    }
    await this.deleteComment(comment);
  }

  async approve(me: AuthUser, id: string, commentId: number): Promise<void> {
    const { video, comment } = await this.commentOf(id, commentId);
    if (!this.canModerate(me, video.channel!.accountId)) throw AppError.forbidden('You cannot approve comments of this video');
    if (comment.deletedAt || !comment.heldForReview) throw AppError.badRequest('This comment is not held for review');
    await comment.update({ heldForReview: false });
    await this.ctx.events.emit('comment-approved', { commentId: comment.id });
  }

  /**
   * A comment with replies becomes a tombstone (no text, no author) so the thread keeps its
   * shape; one without replies goes away, and so do tombstones it leaves without replies.
   */
  private async deleteComment(comment: VideoCommentModel): Promise<void> {
    await withTransaction(this.ctx.sequelize, async (transaction) => {
      const current = await VideoCommentModel.findByPk(comment.id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!current || current.deletedAt) return;
      if ((await repo.countChildren(current.id, transaction)) > 0) {
        await current.update({ deletedAt: this.ctx.now(), text: '', accountId: null, heldForReview: false }, { transaction });
        return;
      }
      let parentId = current.inReplyToCommentId;
      await current.destroy({ transaction });
      while (parentId) parentId = await this.dropEmptyTombstone(parentId, transaction);
    });
    const { id: commentId, videoId, url, accountId: authorAccountId } = comment;
    await this.ctx.events.emit('comment-deleted', { commentId, videoId, url: url ?? null, authorAccountId });
  }

  private async dropEmptyTombstone(id: number, transaction: Transaction): Promise<number | null> {
    const tombstone = await VideoCommentModel.findByPk(id, { transaction });
    if (!tombstone?.deletedAt || (await repo.countChildren(id, transaction)) > 0) return null;
    await tombstone.destroy({ transaction });
    return tombstone.inReplyToCommentId;
  }

  listForModerators(q: CommentAdminListQuery) {
    return this.adminList(q, null);
  }

  listForOwner(me: AuthUser, q: CommentAdminListQuery) {
    return this.adminList(q, me.accountId);
  }

  /** Tags shown are the scope's own: instance tags to moderators, the owner's tags to owners. */
  private async adminList(
    q: CommentAdminListQuery,
    ownerAccountId: number | null,
  ): Promise<{ total: number; data: VideoCommentForAdminOrUser[] }> {
    const { rows, total } = await repo.listForAdmin(this.ctx.sequelize, q, ownerAccountId ?? undefined);
    const videoIds = [...new Set(rows.map((r) => r.videoId))];
    const videos = videoIds.length ? await VideoModel.findAll({ where: { id: videoIds }, attributes: ['id', 'uuid', 'name'] }) : [];
    const byId = new Map(videos.map((v) => [v.id, ref(v)]));
    const tags = await repo.tagsOf(
      this.ctx.sequelize,
      rows.map((r) => r.id),
      ownerAccountId,
    );
    return { total, data: rows.map((c) => serializeCommentForAdmin(this.ctx, c, byId.get(c.videoId)!, tags.get(c.id) ?? [])) };
  }

  /** `POST /bulk/remove-comments-of`: on my videos, or everywhere for comment moderators. */
  async bulkRemove(me: AuthUser, accountName: string, scope: 'my-videos' | 'instance'): Promise<void> {
    if (scope === 'instance' && !roleHasRight(me.role, UserRight.MANAGE_ANY_VIDEO_COMMENT)) {
      throw AppError.forbidden('You cannot remove comments instance-wide');
    }
    const account = await accountRepository.findByHandle(accountName, this.ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    const rows = await repo.idsOfAccount(this.ctx.sequelize, account.id, scope === 'my-videos' ? me.accountId : undefined);
    for (const row of rows) {
      const comment = await VideoCommentModel.findByPk(row.id, { include: withAccount() });
      if (comment) await this.deleteComment(comment);
    }
  }
}

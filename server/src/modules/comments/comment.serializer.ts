import type { VideoComment, VideoCommentForAdminOrUser, VideoCommentThreadTree } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { serializeAccount } from '../accounts';
import { toShortUuid } from '../videos';
import type { VideoCommentModel } from './comment.model';
import { renderCommentHtml } from './comment-text';

export interface CommentVideo {
  id: number;
  uuid: string;
  name: string;
}

export interface ReplyCounts {
  totalReplies: number;
  totalRepliesFromVideoAuthor: number;
}

export function commentUrl(ctx: AppContext, comment: VideoCommentModel, video: CommentVideo): string {
  return comment.url ?? `${ctx.publicUrl}/videos/watch/${video.uuid}/comments/${comment.id}`;
}

/** The HTML `text` of a comment; empty for deleted ones. */
export function commentHtml(ctx: AppContext, comment: VideoCommentModel, video: CommentVideo): string {
  if (comment.deletedAt) return '';
  return renderCommentHtml(comment.text, { publicUrl: ctx.publicUrl, videoUrl: `${ctx.publicUrl}/w/${toShortUuid(video.uuid)}` });
}

export function serializeComment(ctx: AppContext, comment: VideoCommentModel, video: CommentVideo, counts: ReplyCounts): VideoComment {
  const deleted = !!comment.deletedAt;
  return {
    id: comment.id,
    url: commentUrl(ctx, comment, video),
    text: commentHtml(ctx, comment, video),
    threadId: comment.threadId,
    inReplyToCommentId: comment.inReplyToCommentId ?? null,
    videoId: video.id,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    deletedAt: comment.deletedAt ? comment.deletedAt.toISOString() : null,
    isDeleted: deleted,
    heldForReview: comment.heldForReview,
    totalRepliesFromVideoAuthor: counts.totalRepliesFromVideoAuthor,
    totalReplies: counts.totalReplies,
    account: !deleted && comment.account ? serializeAccount(ctx, comment.account) : null,
  };
}

/**
 * Nests a thread's comments (root first) under their parents. A reply whose parent this
 * viewer cannot see is left out with its own replies: it would hang in the void.
 */
export function buildThreadTree(
  ctx: AppContext,
  comments: VideoCommentModel[],
  video: CommentVideo,
  ownerAccountId: number,
): VideoCommentThreadTree | null {
  const [root] = comments;
  if (!root || root.originCommentId !== null) return null;
  const children = new Map<number, VideoCommentModel[]>();
  for (const c of comments.slice(1)) children.set(c.inReplyToCommentId!, [...(children.get(c.inReplyToCommentId!) ?? []), c]);
  const build = (c: VideoCommentModel): { node: VideoCommentThreadTree; counts: ReplyCounts } => {
    const built = (children.get(c.id) ?? []).map(build);
    const counts = built.reduce(
      (acc, b) => ({
        totalReplies: acc.totalReplies + b.counts.totalReplies + (b.node.comment.isDeleted ? 0 : 1),
        totalRepliesFromVideoAuthor:
          acc.totalRepliesFromVideoAuthor + b.counts.totalRepliesFromVideoAuthor + (b.node.comment.account?.id === ownerAccountId ? 1 : 0),
      }),
      { totalReplies: 0, totalRepliesFromVideoAuthor: 0 },
    );
    return { node: { comment: serializeComment(ctx, c, video, counts), children: built.map((b) => b.node) }, counts };
  };
  return build(root).node;
}

export function serializeCommentForAdmin(
  ctx: AppContext,
  comment: VideoCommentModel,
  video: CommentVideo,
  automaticTags: string[],
): VideoCommentForAdminOrUser {
  return {
    id: comment.id,
    url: commentUrl(ctx, comment, video),
    text: commentHtml(ctx, comment, video),
    threadId: comment.threadId,
    inReplyToCommentId: comment.inReplyToCommentId ?? null,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    account: comment.account ? serializeAccount(ctx, comment.account) : null,
    video: { id: video.id, uuid: video.uuid, name: video.name },
    heldForReview: comment.heldForReview,
    automaticTags,
  };
}

import type { Account } from '../users/user.model';

/** A comment as video pages show it. `text` is sanitized HTML rendered from the author's text. */
export interface VideoComment {
  id: number;
  url: string;
  text: string;
  threadId: number;
  inReplyToCommentId: number | null;
  videoId: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  isDeleted: boolean;
  heldForReview: boolean;
  totalRepliesFromVideoAuthor: number;
  totalReplies: number;
  /** null for a deleted comment kept because it has replies. */
  account: Account | null;
}

export interface VideoCommentThreadTree {
  comment: VideoComment;
  children: VideoCommentThreadTree[];
}

export interface VideoCommentThreads {
  total: number;
  totalNotDeletedComments: number;
  data: VideoComment[];
}

/** Moderators' and video owners' comment lists. */
export interface VideoCommentForAdminOrUser {
  id: number;
  url: string;
  text: string;
  threadId: number;
  inReplyToCommentId: number | null;
  createdAt: string;
  updatedAt: string;
  account: Account | null;
  video: { id: number; uuid: string; name: string };
  heldForReview: boolean;
  automaticTags: string[];
}

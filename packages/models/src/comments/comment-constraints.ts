/** Limits of comments; the server validates with them and the client forms read them. */
export const COMMENT_CONSTRAINTS = {
  text: { min: 1, max: 10_000 },
} as const;

/** Sort columns of `GET /videos/:id/comment-threads`. */
export const COMMENT_THREAD_SORTS = ['createdAt', 'totalReplies'] as const;

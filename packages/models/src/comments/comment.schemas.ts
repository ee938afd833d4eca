import { z } from 'zod';
import { listQuerySchema, queryBoolean } from '../common/pagination.schema';
import { COMMENT_CONSTRAINTS, COMMENT_THREAD_SORTS } from './comment-constraints';

const c = COMMENT_CONSTRAINTS;
const intId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((v) => [v])]);

/** `POST /videos/:id/comment-threads` and `POST /videos/:id/comments/:commentId`. */
export const commentCreateSchema = z.strictObject({
  // Whitespace-only text would render as an empty comment.
  text: z
    .string()
    .max(c.text.max)
    .refine((t) => t.trim().length >= c.text.min, 'text must not be empty'),
});
export type CommentCreate = z.infer<typeof commentCreateSchema>;

export const commentThreadListQuerySchema = listQuerySchema(COMMENT_THREAD_SORTS, '-createdAt');

export const commentIdParamsSchema = z.object({ commentId: intId });
export const threadIdParamsSchema = z.object({ threadId: intId });

/** Filters shared by the moderators' (`GET /videos/comments`) and owners' (`GET /users/me/videos/comments`) lists. */
export const commentAdminListQuerySchema = listQuerySchema(['createdAt'], '-createdAt').extend({
  searchAccount: z.string().max(500).optional(),
  searchVideo: z.string().max(500).optional(),
  videoId: intId.optional(),
  videoChannelId: intId.optional(),
  autoTagOneOf: oneOrMany(z.string().max(100)).pipe(z.array(z.string()).max(50)).optional(),
  isLocal: queryBoolean.optional(),
  onLocalVideo: queryBoolean.optional(),
  isHeldForReview: queryBoolean.optional(),
});
export type CommentAdminListQuery = z.infer<typeof commentAdminListQuerySchema>;

/** `POST /bulk/remove-comments-of`. */
export const bulkRemoveCommentsSchema = z.strictObject({
  accountName: z.string().min(1).max(300),
  scope: z.enum(['my-videos', 'instance']),
});

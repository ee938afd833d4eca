import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';
import { videoIdSchema } from '../videos/video.schemas';
import { ABUSE_CONSTRAINTS, ABUSE_PREDEFINED_REASONS } from './abuse-constraints';

const c = ABUSE_CONSTRAINTS;
const intId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const seconds = z.number().int().min(0);
const abuseState = z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)]));

/** `POST /abuses`: exactly one of video, comment, account. */
export const abuseCreateSchema = z
  .strictObject({
    reason: z.string().min(c.reason.min).max(c.reason.max),
    predefinedReasons: z.array(z.enum(ABUSE_PREDEFINED_REASONS)).max(ABUSE_PREDEFINED_REASONS.length).optional(),
    video: z
      .strictObject({
        id: z.union([z.number().int().positive(), videoIdSchema]),
        startAt: seconds.nullable().optional(),
        endAt: seconds.nullable().optional(),
      })
      .refine((v) => v.startAt == null || v.endAt == null || v.endAt >= v.startAt, 'endAt must not be before startAt')
      .optional(),
    comment: z.strictObject({ id: z.number().int().positive() }).optional(),
    account: z.strictObject({ id: z.number().int().positive() }).optional(),
  })
  .refine((b) => [b.video, b.comment, b.account].filter(Boolean).length === 1, {
    message: 'exactly one of video, comment or account is required',
    path: ['video'],
  });
export type AbuseCreate = z.infer<typeof abuseCreateSchema>;

export const abuseUpdateSchema = z
  .strictObject({
    state: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    moderationComment: z.string().min(c.moderationComment.min).max(c.moderationComment.max).optional(),
  })
  .refine((b) => b.state !== undefined || b.moderationComment !== undefined, { message: 'nothing to update', path: ['state'] });

export const abuseMessageCreateSchema = z.strictObject({ message: z.string().min(c.message.min).max(c.message.max) });

export const abuseListQuerySchema = listQuerySchema(['id', 'createdAt', 'state'], '-id').extend({
  id: intId.optional(),
  predefinedReason: z.enum(ABUSE_PREDEFINED_REASONS).optional(),
  state: abuseState.optional(),
  searchReporter: z.string().max(500).optional(),
  searchReportee: z.string().max(500).optional(),
  searchVideo: z.string().max(500).optional(),
  searchVideoChannel: z.string().max(500).optional(),
  videoIs: z.enum(['deleted', 'blacklisted']).optional(),
  filter: z.enum(['video', 'comment', 'account']).optional(),
});
export type AbuseListQuery = z.infer<typeof abuseListQuerySchema>;

export const myAbuseListQuerySchema = listQuerySchema(['id', 'createdAt', 'state'], '-id').extend({
  id: intId.optional(),
  state: abuseState.optional(),
});

export const abuseIdParamsSchema = z.object({ abuseId: intId });
export const abuseMessageParamsSchema = z.object({ abuseId: intId, abuseMessageId: intId });

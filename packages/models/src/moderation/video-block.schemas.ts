import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';
import type { Video } from '../videos/video.model';

export const VIDEO_BLOCK_CONSTRAINTS = { reason: { min: 2, max: 300 } } as const;

/** 1: a moderator blocked it; 2: blocked automatically (new videos of untrusted users). */
export const VideoBlockType = { MANUAL: 1, AUTO_BEFORE_PUBLISHED: 2 } as const;
export type VideoBlockType = (typeof VideoBlockType)[keyof typeof VideoBlockType];

const reason = z.string().min(VIDEO_BLOCK_CONSTRAINTS.reason.min).max(VIDEO_BLOCK_CONSTRAINTS.reason.max);

export const videoBlockCreateSchema = z.strictObject({
  reason: reason.optional(),
  unfederate: z.boolean().optional(),
});
export const videoBlockUpdateSchema = z.strictObject({ reason: reason.optional() });

export const videoBlockListQuerySchema = listQuerySchema(
  ['id', 'name', 'duration', 'views', 'likes', 'dislikes', 'uuid', 'createdAt'],
  '-id',
).extend({
  type: z.coerce
    .number()
    .pipe(z.union([z.literal(1), z.literal(2)]))
    .optional(),
});

export interface VideoBlock {
  id: number;
  video: Video;
  reason: string | null;
  unfederated: boolean;
  type: VideoBlockType;
  createdAt: string;
  updatedAt: string;
}

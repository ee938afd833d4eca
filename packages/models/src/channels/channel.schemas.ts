import { z } from 'zod';
import { CHANNEL_CONSTRAINTS } from '../users/user-constraints';
import { channelNameSchema, displayNameSchema } from '../users/user.schemas';

const descriptionSchema = z.string().min(CHANNEL_CONSTRAINTS.description.min).max(CHANNEL_CONSTRAINTS.description.max);
const supportSchema = z.string().min(CHANNEL_CONSTRAINTS.support.min).max(CHANNEL_CONSTRAINTS.support.max);

/** `POST /video-channels`. */
export const channelCreateSchema = z.strictObject({
  name: channelNameSchema,
  displayName: displayNameSchema,
  description: descriptionSchema.nullable().optional(),
  support: supportSchema.nullable().optional(),
});
export type ChannelCreate = z.infer<typeof channelCreateSchema>;

/** `PUT /video-channels/:handle`. */
export const channelUpdateSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  support: supportSchema.nullable().optional(),
  bulkVideosSupportUpdate: z.boolean().optional(),
});
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;

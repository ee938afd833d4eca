import { z } from 'zod';
import { CHANNEL_CONSTRAINTS, USER_CONSTRAINTS } from './user-constraints';
import { UserRole } from './user-role';

const c = USER_CONSTRAINTS;

export const usernameSchema = z
  .string()
  .min(c.username.min)
  .max(c.username.max)
  .regex(c.username.pattern, 'lowercase letters, digits, dots and underscores only');
export const passwordSchema = z.string().min(c.password.min).max(c.password.max);
export const emailSchema = z.email().max(c.email.max);
export const displayNameSchema = z.string().trim().min(c.displayName.min).max(c.displayName.max);
export const quotaSchema = z.number().int().min(-1);
export const roleSchema = z.union([z.literal(UserRole.ADMINISTRATOR), z.literal(UserRole.MODERATOR), z.literal(UserRole.USER)]);
export const nsfwPolicySchema = z.enum(['display', 'blur', 'warn', 'do_not_list']);

export const channelNameSchema = z
  .string()
  .min(CHANNEL_CONSTRAINTS.name.min)
  .max(CHANNEL_CONSTRAINTS.name.max)
  .regex(CHANNEL_CONSTRAINTS.name.pattern, 'letters, digits, "-", "_", "." and ":" only');

/** `POST /users` (admin). */
export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  email: emailSchema,
  role: roleSchema,
  videoQuota: quotaSchema.optional(),
  videoQuotaDaily: quotaSchema.optional(),
  channelName: channelNameSchema.optional(),
  adminFlags: z.number().int().min(0).optional(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

/** `PUT /users/:id` (admin). */
export const userUpdateSchema = z.strictObject({
  email: emailSchema.optional(),
  emailVerified: z.boolean().optional(),
  password: passwordSchema.optional(),
  role: roleSchema.optional(),
  videoQuota: quotaSchema.optional(),
  videoQuotaDaily: quotaSchema.optional(),
  adminFlags: z.number().int().min(0).optional(),
  pluginAuth: z.string().nullable().optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** `PUT /users/me`. */
export const userUpdateMeSchema = z.strictObject({
  password: passwordSchema.optional(),
  currentPassword: z.string().max(c.password.max).optional(),
  email: emailSchema.optional(),
  displayName: displayNameSchema.optional(),
  description: z.string().min(c.description.min).max(c.description.max).nullable().optional(),
  nsfwPolicy: nsfwPolicySchema.optional(),
  p2pEnabled: z.boolean().optional(),
  autoPlayVideo: z.boolean().optional(),
  autoPlayNextVideo: z.boolean().optional(),
  autoPlayNextVideoPlaylist: z.boolean().optional(),
  videosHistoryEnabled: z.boolean().optional(),
  videoLanguages: z.array(z.string().max(10)).max(500).nullable().optional(),
  language: z.string().max(20).nullable().optional(),
  theme: z.string().max(100).optional(),
  noInstanceConfigWarningModal: z.boolean().optional(),
  noAccountSetupWarningModal: z.boolean().optional(),
  noWelcomeModal: z.boolean().optional(),
});
export type UserUpdateMe = z.infer<typeof userUpdateMeSchema>;

/** `POST /users/register`. */
export const userRegisterSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  email: emailSchema,
  displayName: displayNameSchema.optional(),
  channel: z.strictObject({ name: channelNameSchema, displayName: displayNameSchema }).optional(),
});
export type UserRegister = z.infer<typeof userRegisterSchema>;

/** `GET /users/autocomplete`. */
export const userAutocompleteQuerySchema = z.object({ search: z.string().trim().min(1).max(c.username.max) });

/** `POST /users/:id/block`. */
export const userBlockSchema = z.strictObject({
  reason: z.string().min(c.blockedReason.min).max(c.blockedReason.max).optional(),
});

/** `POST /users/token` (form-encoded; fields are strings). */
export const tokenRequestSchema = z.object({
  client_id: z.string().min(1).max(200),
  client_secret: z.string().min(1).max(200),
  grant_type: z.string().min(1).max(100),
  username: z.string().max(400).optional(),
  password: z.string().max(c.password.max).optional(),
  refresh_token: z.string().max(200).optional(),
  response_type: z.string().optional(),
  scope: z.string().optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export interface TokenResponse {
  token_type: 'Bearer';
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_token_expires_in: number;
}

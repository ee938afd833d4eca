import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';
import type { LabeledValue } from '../common/constant';
import { emailSchema, passwordSchema, userRegisterSchema } from '../users/user.schemas';
import { REGISTRATION_CONSTRAINTS, type UserRegistrationState } from './registration-constraints';

const c = REGISTRATION_CONSTRAINTS;

/** `POST /users/registrations/request`. */
export const registrationRequestSchema = userRegisterSchema.extend({
  registrationReason: z.string().min(c.registrationReason.min).max(c.registrationReason.max),
});
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

/** `POST /users/registrations/:id/accept|reject`. */
export const registrationModerationSchema = z.strictObject({
  moderationResponse: z.string().min(c.moderationResponse.min).max(c.moderationResponse.max),
  preventEmailDelivery: z.boolean().optional(),
});

export const registrationListQuerySchema = listQuerySchema(['createdAt', 'state'], '-createdAt');
export const registrationIdParamsSchema = z.object({
  registrationId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export interface UserRegistration {
  id: number;
  state: LabeledValue<UserRegistrationState>;
  registrationReason: string;
  moderationResponse: string | null;
  username: string;
  email: string;
  emailVerified: boolean | null;
  accountDisplayName: string;
  channelHandle: string | null;
  channelDisplayName: string | null;
  createdAt: string;
  updatedAt: string;
  user: { id: number } | null;
}

/** E-mail flows: verification and password reset. */
export const askEmailSchema = z.strictObject({ email: emailSchema });
export const verifyEmailSchema = z.strictObject({
  verificationString: z.string().min(1).max(200),
  isPendingEmail: z.boolean().optional(),
});
export const registrationVerifyEmailSchema = z.strictObject({ verificationString: z.string().min(1).max(200) });
export const resetPasswordSchema = z.strictObject({ verificationString: z.string().min(1).max(200), password: passwordSchema });

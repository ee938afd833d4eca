import { USER_REGISTRATION_STATE_LABELS, type UserRegistration, type UserRegistrationState } from '@shoal/models';
import type { UserRegistrationModel } from './registration.model';

export function serializeRegistration(r: UserRegistrationModel): UserRegistration {
  return {
    id: r.id,
    state: { id: r.state as UserRegistrationState, label: USER_REGISTRATION_STATE_LABELS[r.state as UserRegistrationState] },
    registrationReason: r.registrationReason,
    moderationResponse: r.moderationResponse ?? null,
    username: r.username,
    email: r.email,
    emailVerified: r.emailVerified ?? null,
    accountDisplayName: r.accountDisplayName ?? r.username,
    channelHandle: r.channelHandle ?? null,
    channelDisplayName: r.channelDisplayName ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    user: r.userId ? { id: r.userId } : null,
  };
}

/** Limits and states of registration requests, without zod: client forms import them. */
export const REGISTRATION_CONSTRAINTS = {
  registrationReason: { min: 2, max: 3000 },
  moderationResponse: { min: 2, max: 3000 },
} as const;

export const UserRegistrationState = { PENDING: 1, REJECTED: 2, ACCEPTED: 3 } as const;
export type UserRegistrationState = (typeof UserRegistrationState)[keyof typeof UserRegistrationState];
export const USER_REGISTRATION_STATE_LABELS: Record<UserRegistrationState, string> = { 1: 'Pending', 2: 'Rejected', 3: 'Accepted' };

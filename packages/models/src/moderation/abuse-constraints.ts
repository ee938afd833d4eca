/** Limits, states and reasons of abuse reports, without zod: client forms import them. */
export const ABUSE_CONSTRAINTS = {
  reason: { min: 2, max: 3000 },
  moderationComment: { min: 2, max: 3000 },
  message: { min: 2, max: 3000 },
} as const;

export const AbuseState = { PENDING: 1, REJECTED: 2, ACCEPTED: 3 } as const;
export type AbuseState = (typeof AbuseState)[keyof typeof AbuseState];
export const ABUSE_STATE_LABELS: Record<AbuseState, string> = { 1: 'Pending', 2: 'Rejected', 3: 'Accepted' };

export const ABUSE_PREDEFINED_REASONS = [
  'violentOrAbusive',
  'hatefulOrAbusive',
  'spamOrMisleading',
  'privacy',
  'rights',
  'serverRules',
  'thumbnails',
  'captions',
] as const;
export type AbusePredefinedReason = (typeof ABUSE_PREDEFINED_REASONS)[number];

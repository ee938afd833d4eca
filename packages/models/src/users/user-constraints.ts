/** Field limits of users, accounts and channels; server validation and client forms both read these. */
export const USER_CONSTRAINTS = {
  username: { min: 1, max: 50, pattern: /^[a-z0-9._]+$/ },
  password: { min: 6, max: 255 },
  email: { max: 400 },
  displayName: { min: 1, max: 120 },
  description: { min: 3, max: 1000 },
  blockedReason: { min: 3, max: 250 },
} as const;

export const CHANNEL_CONSTRAINTS = {
  name: { min: 1, max: 50, pattern: /^[a-zA-Z0-9\-_.:]+$/ },
  displayName: { min: 1, max: 120 },
  description: { min: 3, max: 1000 },
  support: { min: 3, max: 1000 },
} as const;

export const ACTOR_IMAGE_CONSTRAINTS = {
  maxBytes: 4 * 1024 * 1024,
  extensions: ['.png', '.jpeg', '.jpg', '.gif', '.webp'],
} as const;

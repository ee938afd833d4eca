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
  /** Decoded size cap: a small compressed file can still expand into a huge bitmap. */
  maxInputPixels: 40_000_000,
} as const;

/** Sizes generated from one uploaded image, largest first (PeerTube's set, so remote instances find what they expect). */
export const ACTOR_IMAGE_SIZES = {
  avatar: [
    { width: 1500, height: 1500 },
    { width: 600, height: 600 },
    { width: 120, height: 120 },
    { width: 48, height: 48 },
  ],
  banner: [
    { width: 1920, height: 317 },
    { width: 600, height: 100 },
  ],
} as const;
export type ActorImageKind = keyof typeof ACTOR_IMAGE_SIZES;

/** Multipart field carrying the file, per kind. */
export const ACTOR_IMAGE_FIELDS: Record<ActorImageKind, string> = { avatar: 'avatarfile', banner: 'bannerfile' };

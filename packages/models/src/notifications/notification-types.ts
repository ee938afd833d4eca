// Kept free of zod so the client's always-loaded header can import it without pulling zod in.

/** PeerTube's notification types (numbers are part of the API). */
export const UserNotificationType = {
  NEW_VIDEO_FROM_SUBSCRIPTION: 1,
  NEW_COMMENT_ON_MY_VIDEO: 2,
  NEW_ABUSE_FOR_MODERATORS: 3,
  BLACKLIST_ON_MY_VIDEO: 4,
  UNBLACKLIST_ON_MY_VIDEO: 5,
  MY_VIDEO_PUBLISHED: 6,
  NEW_USER_REGISTRATION: 9,
  COMMENT_MENTION: 11,
  ABUSE_STATE_CHANGE: 15,
  ABUSE_NEW_MESSAGE: 16,
  NEW_USER_REGISTRATION_REQUEST: 20,
  /** Shoal extension (PeerTube has no such type): transcoding of my video failed. Clients skip unknown types. */
  MY_VIDEO_TRANSCODING_FAILED: 101,
} as const;
export type UserNotificationType = (typeof UserNotificationType)[keyof typeof UserNotificationType];

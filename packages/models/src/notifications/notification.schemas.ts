import { z } from 'zod';
import { listQuerySchema, queryBoolean } from '../common/pagination.schema';
import type { ActorImage } from '../users/user.model';
import { UserNotificationType } from './notification-types';

export { UserNotificationType } from './notification-types';

/** Bitmask of each setting: where a notification goes. */
export const NotificationSettingValue = { NONE: 0, WEB: 1, EMAIL: 2 } as const;

/** Every setting key with its default (PeerTube's defaults). */
export const DEFAULT_NOTIFICATION_SETTINGS = {
  newVideoFromSubscription: 1,
  newCommentOnMyVideo: 1,
  abuseAsModerator: 3,
  videoAutoBlacklistAsModerator: 3,
  blacklistOnMyVideo: 3,
  myVideoPublished: 1,
  myVideoImportFinished: 1,
  newFollow: 1,
  newUserRegistration: 1,
  commentMention: 1,
  newInstanceFollower: 1,
  autoInstanceFollowing: 1,
  abuseNewMessage: 3,
  abuseStateChange: 3,
  newPeerTubeVersion: 3,
  newPluginVersion: 3,
  myVideoStudioEditionFinished: 1,
  myVideoTranscriptionGenerated: 1,
} as const;
export type NotificationSettingKey = keyof typeof DEFAULT_NOTIFICATION_SETTINGS;
export type UserNotificationSettings = Record<NotificationSettingKey, number>;

const settingValue = z.number().int().min(0).max(3);
/** `PUT /users/me/notification-settings`: any subset of the keys. */
export const notificationSettingsUpdateSchema = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_NOTIFICATION_SETTINGS).map((k) => [k, settingValue.optional()])) as Record<
    NotificationSettingKey,
    z.ZodOptional<typeof settingValue>
  >,
);

export const notificationListQuerySchema = listQuerySchema(['createdAt', 'read'], '-createdAt').extend({
  unread: queryBoolean.optional(),
});

export const notificationReadSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(100),
});

export interface ActorInfo {
  id: number;
  name: string;
  displayName: string;
  host: string;
  avatars: ActorImage[];
  /** Legacy single avatar (older clients). */
  avatar: ActorImage | null;
}

export interface VideoInfo {
  id: number;
  uuid: string;
  shortUUID: string;
  name: string;
}

export interface UserNotification {
  id: number;
  type: UserNotificationType;
  read: boolean;
  createdAt: string;
  updatedAt: string;
  video?: VideoInfo & { channel: ActorInfo };
  comment?: { id: number; threadId: number; account: ActorInfo; video: VideoInfo; heldForReview: boolean };
  abuse?: {
    id: number;
    state: number;
    video?: VideoInfo;
    comment?: { threadId: number; video: VideoInfo };
    account?: ActorInfo;
  };
  videoBlacklist?: { id: number; video: VideoInfo };
  account?: ActorInfo;
  registration?: { id: number; username: string };
}

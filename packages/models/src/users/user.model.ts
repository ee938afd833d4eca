import type { LabeledValue } from '../common/constant';
import type { UserNotificationSettings } from '../notifications/notification.schemas';
import type { UserRole } from './user-role';

/** An image (avatar or banner) of an actor. */
export interface ActorImage {
  width: number;
  height: number;
  path: string;
  fileUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface Actor {
  id: number;
  /** Remote actors only: whether their host lets us mirror its videos. */
  hostRedundancyAllowed?: boolean | null;
  url: string;
  name: string;
  host: string;
  followingCount: number;
  followersCount: number;
  createdAt: string;
  avatars: ActorImage[];
}

export interface Account extends Actor {
  displayName: string;
  description: string | null;
  updatedAt: string;
  userId?: number;
}

export interface AccountSummary {
  id: number;
  name: string;
  displayName: string;
  url: string;
  host: string;
  avatars: ActorImage[];
}

export interface VideoChannel extends Actor {
  displayName: string;
  description: string | null;
  support: string | null;
  isLocal: boolean;
  updatedAt: string;
  banners: ActorImage[];
  ownerAccount: Account;
  videosCount?: number;
}

export interface VideoChannelSummary {
  id: number;
  name: string;
  displayName: string;
  url: string;
  host: string;
  avatars: ActorImage[];
}

export interface User {
  id: number;
  username: string;
  email: string;
  pendingEmail: string | null;
  emailVerified: boolean | null;
  nsfwPolicy: string;
  adminFlags?: number;
  autoPlayVideo: boolean;
  autoPlayNextVideo: boolean;
  autoPlayNextVideoPlaylist: boolean;
  p2pEnabled: boolean;
  videosHistoryEnabled: boolean;
  videoLanguages: string[] | null;
  language: string | null;
  role: LabeledValue<UserRole>;
  videoQuota: number;
  videoQuotaDaily: number;
  videoQuotaUsed?: number;
  videoQuotaUsedDaily?: number;
  theme: string;
  account: Account;
  videoChannels: VideoChannel[];
  blocked: boolean;
  blockedReason: string | null;
  noInstanceConfigWarningModal: boolean;
  noWelcomeModal: boolean;
  noAccountSetupWarningModal: boolean;
  createdAt: string;
  pluginAuth: string | null;
  lastLoginDate: string | null;
  twoFactorEnabled: boolean;
}

/** `GET /users/me`: the user plus what only its owner sees. */
export interface MyUser extends User {
  videoQuotaUsed: number;
  videoQuotaUsedDaily: number;
  /** Built-in playlists (watch later); empty until playlists exist. */
  specialPlaylists: Array<{ id: number; name: string; type: number }>;
  /** Where each kind of notification goes (added by the notifications module). */
  notificationSettings?: UserNotificationSettings;
}

/** `GET /users/me/video-quota-used`. */
export interface VideoQuotaUsed {
  videoQuotaUsed: number;
  videoQuotaUsedDaily: number;
}

/** Answers of the avatar and banner upload endpoints. */
export interface ActorAvatarsResponse {
  avatars: ActorImage[];
}
export interface ActorBannersResponse {
  banners: ActorImage[];
}

import { USER_ROLE_LABELS, type User } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import type { AccountModel } from '../accounts/account.model';
import { serializeAccount } from '../accounts/account.serializer';
import { serializeChannel, type ChannelLike } from '../channels/channel.serializer';
import type { UserModel } from './user.model';

export function serializeUser(
  ctx: AppContext,
  user: UserModel,
  account: AccountModel,
  channels: ChannelLike[],
  opts: { withAdminFields?: boolean } = {},
): User {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    pendingEmail: user.pendingEmail ?? null,
    emailVerified: user.emailVerified ?? null,
    nsfwPolicy: user.nsfwPolicy,
    ...(opts.withAdminFields ? { adminFlags: user.adminFlags } : {}),
    autoPlayVideo: user.autoPlayVideo,
    autoPlayNextVideo: user.autoPlayNextVideo,
    autoPlayNextVideoPlaylist: user.autoPlayNextVideoPlaylist,
    p2pEnabled: user.p2pEnabled,
    videosHistoryEnabled: user.videosHistoryEnabled,
    videoLanguages: user.videoLanguages ?? null,
    language: user.language ?? null,
    role: { id: user.role, label: USER_ROLE_LABELS[user.role] },
    videoQuota: user.videoQuota,
    videoQuotaDaily: user.videoQuotaDaily,
    theme: user.theme,
    account: serializeAccount(ctx, account),
    videoChannels: channels.map((c) => serializeChannel(ctx, c)),
    blocked: user.blocked,
    blockedReason: user.blockedReason ?? null,
    noInstanceConfigWarningModal: user.noInstanceConfigWarningModal,
    noWelcomeModal: user.noWelcomeModal,
    noAccountSetupWarningModal: user.noAccountSetupWarningModal,
    createdAt: user.createdAt.toISOString(),
    pluginAuth: null,
    lastLoginDate: user.lastLoginDate ? user.lastLoginDate.toISOString() : null,
    twoFactorEnabled: false,
  };
}

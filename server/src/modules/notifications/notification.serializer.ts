import { Op } from 'sequelize';
import type { ActorInfo, UserNotification, UserNotificationType, VideoInfo } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { accountInclude, AccountModel, serializeAccountSummary } from '../accounts';
import { serializeChannelSummary } from '../channels/channel.serializer';
import { VideoCommentModel } from '../comments';
import { AbuseModel, VideoBlockModel } from '../moderation';
import { UserRegistrationModel } from '../registrations';
import { toShortUuid, videoListInclude, VideoModel } from '../videos';
import type { UserNotificationModel } from './notification.model';

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const ids = (values: Array<number | null | undefined>) => [...new Set(values.filter((v): v is number => typeof v === 'number'))];

function actorInfo(summary: { id: number; name: string; displayName: string; host: string; avatars: ActorInfo['avatars'] }): ActorInfo {
  return { ...summary, avatar: summary.avatars.at(-1) ?? null };
}

const videoInfo = (v: VideoModel): VideoInfo => ({ id: v.id, uuid: v.uuid, shortUUID: toShortUuid(v.uuid), name: v.name });

interface Relations {
  comments: Map<number, VideoCommentModel>;
  abuses: Map<number, AbuseModel>;
  blocks: Map<number, VideoBlockModel>;
  registrations: Map<number, UserRegistrationModel>;
  videos: Map<number, VideoModel>;
  accounts: Map<number, ActorInfo>;
}

/** What a page of notifications points to, in a handful of queries. */
async function loadRelations(ctx: AppContext, rows: UserNotificationModel[]): Promise<Relations> {
  const [comments, abuses, blocks, registrations] = await Promise.all([
    VideoCommentModel.findAll({ where: { id: { [Op.in]: ids(rows.map((n) => n.commentId)) } } }),
    AbuseModel.findAll({ where: { id: { [Op.in]: ids(rows.map((n) => n.abuseId)) } } }),
    VideoBlockModel.findAll({ where: { id: { [Op.in]: ids(rows.map((n) => n.videoBlacklistId)) } } }),
    UserRegistrationModel.findAll({ where: { id: { [Op.in]: ids(rows.map((n) => n.registrationId)) } }, attributes: ['id', 'username'] }),
  ]);
  const videoIds = ids([
    ...rows.map((n) => n.videoId),
    ...comments.map((c) => c.videoId),
    ...abuses.flatMap((a) => [a.videoId, a.snapshot.commentVideo?.id]),
    ...blocks.map((b) => b.videoId),
  ]);
  const accountIds = ids([...rows.map((n) => n.accountId), ...comments.map((c) => c.accountId), ...abuses.map((a) => a.flaggedAccountId)]);
  const [videos, accounts] = await Promise.all([
    VideoModel.findAll({ where: { id: { [Op.in]: videoIds } }, include: videoListInclude() }),
    AccountModel.findAll({ where: { id: { [Op.in]: accountIds } }, include: accountInclude() }),
  ]);
  return {
    comments: byId(comments),
    abuses: byId(abuses),
    blocks: byId(blocks),
    registrations: byId(registrations),
    videos: byId(videos),
    accounts: new Map(accounts.map((a) => [a.id, actorInfo(serializeAccountSummary(ctx, a))])),
  };
}

function abusePart(abuse: AbuseModel, rel: Relations): NonNullable<UserNotification['abuse']> {
  const video = abuse.videoId ? rel.videos.get(abuse.videoId) : undefined;
  const commentVideo = abuse.snapshot.commentVideo ? rel.videos.get(abuse.snapshot.commentVideo.id) : undefined;
  const account = abuse.flaggedAccountId ? rel.accounts.get(abuse.flaggedAccountId) : undefined;
  return {
    id: abuse.id,
    state: abuse.state,
    ...(video ? { video: videoInfo(video) } : {}),
    ...(abuse.kind === 'comment' && commentVideo
      ? { comment: { threadId: abuse.snapshot.commentThreadId ?? 0, video: videoInfo(commentVideo) } }
      : {}),
    ...(abuse.kind === 'account' && account ? { account } : {}),
  };
}

function build(ctx: AppContext, n: UserNotificationModel, rel: Relations): UserNotification {
  const out: UserNotification = {
    id: n.id,
    type: n.type as UserNotificationType,
    read: n.read,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
  const video = n.videoId ? rel.videos.get(n.videoId) : undefined;
  if (video) out.video = { ...videoInfo(video), channel: actorInfo(serializeChannelSummary(ctx, video.channel!)) };
  const comment = n.commentId ? rel.comments.get(n.commentId) : undefined;
  const commentVideo = comment ? rel.videos.get(comment.videoId) : undefined;
  const author = comment?.accountId ? rel.accounts.get(comment.accountId) : undefined;
  if (comment && commentVideo && author) {
    out.comment = {
      id: comment.id,
      threadId: comment.threadId,
      account: author,
      video: videoInfo(commentVideo),
      heldForReview: comment.heldForReview,
    };
  }
  const abuse = n.abuseId ? rel.abuses.get(n.abuseId) : undefined;
  if (abuse) out.abuse = abusePart(abuse, rel);
  const block = n.videoBlacklistId ? rel.blocks.get(n.videoBlacklistId) : undefined;
  const blockedVideo = block ? rel.videos.get(block.videoId) : undefined;
  if (block && blockedVideo) out.videoBlacklist = { id: block.id, video: videoInfo(blockedVideo) };
  const account = n.accountId ? rel.accounts.get(n.accountId) : undefined;
  if (account) out.account = account;
  const registration = n.registrationId ? rel.registrations.get(n.registrationId) : undefined;
  if (registration) out.registration = { id: registration.id, username: registration.username };
  return out;
}

/** PeerTube's `UserNotification` objects of a page. */
export async function serializeNotifications(ctx: AppContext, rows: UserNotificationModel[]): Promise<UserNotification[]> {
  const rel = await loadRelations(ctx, rows);
  return rows.map((n) => build(ctx, n, rel));
}

import { ABUSE_STATE_LABELS, type AbuseMessage, type AbuseState, type AdminAbuse, type UserAbuse } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { accountInclude, AccountModel, serializeAccount, serializeAccountSummary } from '../accounts';
import { serializeChannelSummary } from '../channels/channel.serializer';
import { commentHtml, renderCommentHtml, VideoCommentModel } from '../comments';
import { thumbnailPath, toShortUuid, videoListInclude, VideoModel } from '../videos';
import type { AbuseModel, AbuseMessageModel } from './abuse.model';
import type { AbuseCounters } from './abuse.repository';

/** Everything the reports of one page point to, loaded in a few queries. */
export interface AbuseRelations {
  accounts: Map<number, AccountModel>;
  videos: Map<number, VideoModel>;
  comments: Map<number, VideoCommentModel>;
  blacklisted: Set<number>;
}

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

export async function loadAbuseRelations(
  abuses: AbuseModel[],
  blacklisted: (ids: number[]) => Promise<Set<number>>,
): Promise<AbuseRelations> {
  const accountIds = abuses.flatMap((a) => [a.reporterAccountId, a.flaggedAccountId]).filter((id): id is number => id !== null);
  const videoIds = abuses.flatMap((a) => (a.videoId ? [a.videoId] : []));
  const commentIds = abuses.flatMap((a) => (a.commentId ? [a.commentId] : []));
  const [accounts, videos, comments, blocked] = await Promise.all([
    accountIds.length ? AccountModel.findAll({ where: { id: accountIds }, include: accountInclude() }) : [],
    videoIds.length ? VideoModel.findAll({ where: { id: videoIds }, include: videoListInclude() }) : [],
    commentIds.length ? VideoCommentModel.findAll({ where: { id: commentIds } }) : [],
    blacklisted(videoIds),
  ]);
  return { accounts: byId(accounts), videos: byId(videos), comments: byId(comments), blacklisted: blocked };
}

function serializeVideoPart(ctx: AppContext, abuse: AbuseModel, rel: AbuseRelations, counters?: AbuseCounters): AdminAbuse['video'] {
  if (abuse.kind !== 'video') return null;
  const video = abuse.videoId ? rel.videos.get(abuse.videoId) : undefined;
  const uuid = video?.uuid ?? abuse.snapshot.videoUuid ?? '';
  return {
    id: video?.id ?? 0,
    name: video?.name ?? abuse.snapshot.videoName ?? '',
    uuid,
    shortUUID: uuid ? toShortUuid(uuid) : '',
    nsfw: video?.nsfw ?? false,
    deleted: !video,
    blacklisted: !!video && rel.blacklisted.has(video.id),
    startAt: abuse.startAt ?? null,
    endAt: abuse.endAt ?? null,
    thumbnailPath: video?.thumbnailFilename ? thumbnailPath(video.thumbnailFilename) : null,
    channel: video?.channel ? serializeChannelSummary(ctx, video.channel) : null,
    countReports: counters?.countReports ?? 0,
    nthReport: counters?.nthReport ?? 0,
  };
}

function serializeCommentPart(ctx: AppContext, abuse: AbuseModel, rel: AbuseRelations): AdminAbuse['comment'] {
  if (abuse.kind !== 'comment') return null;
  const comment = abuse.commentId ? rel.comments.get(abuse.commentId) : undefined;
  const video = abuse.snapshot.commentVideo ?? { id: 0, name: '', uuid: '' };
  const deleted = !comment || !!comment.deletedAt;
  // The text is shown as reported, even after the author deleted it: that is the evidence.
  const text = comment && !comment.deletedAt ? commentHtml(ctx, comment, video) : renderSnapshot(ctx, abuse, video.uuid);
  return { id: abuse.commentId ?? 0, threadId: comment?.threadId ?? abuse.snapshot.commentThreadId ?? 0, video, text, deleted };
}

function renderSnapshot(ctx: AppContext, abuse: AbuseModel, uuid: string): string {
  const raw = abuse.snapshot.commentText ?? '';
  return raw ? renderCommentHtml(raw, { publicUrl: ctx.publicUrl, videoUrl: `${ctx.publicUrl}/w/${uuid ? toShortUuid(uuid) : ''}` }) : '';
}

export function serializeAdminAbuse(ctx: AppContext, abuse: AbuseModel, rel: AbuseRelations, counters?: AbuseCounters): AdminAbuse {
  const account = (id: number | null) => {
    const found = id ? rel.accounts.get(id) : undefined;
    return found ? serializeAccount(ctx, found) : null;
  };
  return {
    id: abuse.id,
    reason: abuse.reason,
    predefinedReasons: abuse.predefinedReasons,
    reporterAccount: account(abuse.reporterAccountId),
    flaggedAccount: account(abuse.flaggedAccountId),
    state: { id: abuse.state as AbuseState, label: ABUSE_STATE_LABELS[abuse.state as AbuseState] },
    moderationComment: abuse.moderationComment ?? null,
    video: serializeVideoPart(ctx, abuse, rel, counters),
    comment: serializeCommentPart(ctx, abuse, rel),
    createdAt: abuse.createdAt.toISOString(),
    updatedAt: abuse.updatedAt.toISOString(),
    countReportsForReporter: counters?.countReportsForReporter ?? 0,
    countReportsForReportee: counters?.countReportsForReportee ?? 0,
    countMessages: counters?.countMessages ?? 0,
  };
}

/** The reporter's view: no moderation notes, no reporter, no counters about other reports. */
export function serializeUserAbuse(ctx: AppContext, abuse: AbuseModel, rel: AbuseRelations, counters?: AbuseCounters): UserAbuse {
  const {
    reporterAccount: _r,
    countReportsForReporter: _a,
    countReportsForReportee: _b,
    moderationComment: _m,
    ...rest
  } = serializeAdminAbuse(ctx, abuse, rel, counters);
  return rest;
}

export function serializeAbuseMessage(ctx: AppContext, message: AbuseMessageModel, account: AccountModel | undefined): AbuseMessage {
  return {
    id: message.id,
    message: message.message,
    byModerator: message.byModerator,
    createdAt: message.createdAt.toISOString(),
    account: account ? serializeAccountSummary(ctx, account) : null,
  };
}

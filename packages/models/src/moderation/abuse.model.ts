import type { LabeledValue } from '../common/constant';
import type { Account, AccountSummary, VideoChannelSummary } from '../users/user.model';
import type { AbuseState } from './abuse-constraints';

export interface AbuseVideo {
  id: number;
  name: string;
  uuid: string;
  shortUUID: string;
  nsfw: boolean;
  deleted: boolean;
  blacklisted: boolean;
  startAt: number | null;
  endAt: number | null;
  thumbnailPath: string | null;
  channel: VideoChannelSummary | null;
  countReports: number;
  nthReport: number;
}

export interface AbuseComment {
  id: number;
  threadId: number;
  video: { id: number; name: string; uuid: string };
  text: string;
  deleted: boolean;
}

/** A report as moderators see it. */
export interface AdminAbuse {
  id: number;
  reason: string;
  predefinedReasons: string[];
  reporterAccount: Account | null;
  flaggedAccount: Account | null;
  state: LabeledValue<AbuseState>;
  moderationComment: string | null;
  video: AbuseVideo | null;
  comment: AbuseComment | null;
  createdAt: string;
  updatedAt: string;
  countReportsForReporter: number;
  countReportsForReportee: number;
  countMessages: number;
}

/** A report as its reporter sees it (`GET /users/me/abuses`). */
export type UserAbuse = Omit<AdminAbuse, 'reporterAccount' | 'countReportsForReporter' | 'countReportsForReportee' | 'moderationComment'>;

export interface AbuseMessage {
  id: number;
  message: string;
  byModerator: boolean;
  createdAt: string;
  account: AccountSummary | null;
}

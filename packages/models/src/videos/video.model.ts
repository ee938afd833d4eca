import type { LabeledValue } from '../common/constant';
import type { Account, AccountSummary, VideoChannel, VideoChannelSummary } from '../users/user.model';

export interface VideoFile {
  id: number;
  resolution: LabeledValue<number>;
  size: number;
  width: number;
  height: number;
  fps: number;
  fileUrl: string;
  fileDownloadUrl: string;
  playlistUrl?: string;
  torrentUrl: string | null;
  torrentDownloadUrl: string | null;
  magnetUri: string | null;
  metadataUrl: string;
  hasAudio: boolean;
  hasVideo: boolean;
  storage: 0 | 1 | null;
}

export interface VideoStreamingPlaylist {
  id: number;
  type: 1;
  playlistUrl: string;
  segmentsSha256Url: string;
  redundancies: Array<{ baseUrl: string }>;
  files: VideoFile[];
}

export interface Video {
  id: number;
  uuid: string;
  shortUUID: string;
  url: string;
  name: string;
  category: LabeledValue<number | null>;
  licence: LabeledValue<number | null>;
  language: LabeledValue<string | null>;
  privacy: LabeledValue<number>;
  nsfw: boolean;
  truncatedDescription: string | null;
  description: string | null;
  isLocal: boolean;
  duration: number;
  aspectRatio: number | null;
  views: number;
  viewers: number;
  likes: number;
  dislikes: number;
  thumbnailPath: string | null;
  previewPath: string | null;
  embedPath: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string;
  originallyPublishedAt: string | null;
  isLive: boolean;
  account: AccountSummary;
  channel: VideoChannelSummary;
  state?: LabeledValue<number>;
  waitTranscoding?: boolean;
  blacklisted?: boolean;
  blacklistedReason?: string | null;
  files?: VideoFile[];
  streamingPlaylists?: VideoStreamingPlaylist[];
  userHistory?: { currentTime: number };
}

export interface VideoDetails extends Omit<Video, 'account' | 'channel'> {
  account: Account;
  channel: VideoChannel;
  support: string | null;
  tags: string[];
  commentsPolicy: LabeledValue<number>;
  commentsEnabled: boolean;
  downloadEnabled: boolean;
  trackerUrls: string[];
  inputFileUpdatedAt: string | null;
  state: LabeledValue<number>;
  waitTranscoding: boolean;
  scheduledUpdate: null;
  files: VideoFile[];
  streamingPlaylists: VideoStreamingPlaylist[];
  /** Shoal extra: why the last transcoding failed; owner and moderators only. */
  transcodingError?: string | null;
}

export interface VideoCreateResult {
  video: { id: number; uuid: string; shortUUID: string };
}

export interface VideoChapter {
  timecode: number;
  title: string;
}

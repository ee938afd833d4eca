import type { Sequelize } from 'sequelize';
import { AccountBlockModel, ServerBlockModel } from './modules/blocklists/blocklist.model';
import { VideoCommentModel } from './modules/comments/comment.model';
import { AbuseMessageModel, AbuseModel, VideoBlockModel } from './modules/moderation/abuse.model';
import { UserNotificationModel, UserNotificationSettingsModel } from './modules/notifications/notification.model';
import { UserRegistrationModel } from './modules/registrations/registration.model';
import { AutomaticTagPolicyModel, WatchedWordsListModel } from './modules/watched-words/watched-words.model';
import { AccountModel } from './modules/accounts/account.model';
import { ActorImageModel, ActorModel } from './modules/actors/actor.model';
import { ActorFollowModel } from './modules/federation/follows/actor-follow.model';
import { OAuthClientModel, OAuthTokenModel } from './modules/auth/oauth.model';
import { ChannelModel } from './modules/channels/channel.model';
import { UploadSessionModel } from './modules/uploads/upload-session.model';
import { UserModel } from './modules/users/user.model';
import { StreamingPlaylistModel, VideoFileModel } from './modules/videos/video-file.model';
import { VideoChapterModel, VideoPasswordModel, VideoRateModel } from './modules/videos/video-extras.model';
import { VideoSourceModel } from './modules/videos/video-source.model';
import { VideoModel } from './modules/videos/video.model';
import { LiveSessionModel, VideoLiveModel } from './modules/live/live.model';
import { VideoCaptionModel } from './modules/video-captions/video-caption.model';

/** Binds every Sequelize model to the process's connection; order matters for associations. */
export function initModels(sequelize: Sequelize): void {
  UserModel.initModel(sequelize);
  OAuthClientModel.initModel(sequelize);
  OAuthTokenModel.initModel(sequelize);
  ActorModel.initModel(sequelize);
  ActorImageModel.initModel(sequelize);
  // Federation core: follows between actors.
  ActorFollowModel.initModel(sequelize);
  AccountModel.initModel(sequelize);
  ChannelModel.initModel(sequelize);
  VideoModel.initModel(sequelize);
  StreamingPlaylistModel.initModel(sequelize);
  VideoFileModel.initModel(sequelize);
  VideoSourceModel.initModel(sequelize);
  VideoPasswordModel.initModel(sequelize);
  VideoChapterModel.initModel(sequelize);
  VideoRateModel.initModel(sequelize);
  UploadSessionModel.initModel(sequelize);
  // Comments and moderation (issue 7).
  VideoCommentModel.initModel(sequelize);
  WatchedWordsListModel.initModel(sequelize);
  AutomaticTagPolicyModel.initModel(sequelize);
  AbuseModel.initModel(sequelize);
  AbuseMessageModel.initModel(sequelize);
  VideoBlockModel.initModel(sequelize);
  AccountBlockModel.initModel(sequelize);
  ServerBlockModel.initModel(sequelize);
  UserRegistrationModel.initModel(sequelize);
  UserNotificationModel.initModel(sequelize);
  UserNotificationSettingsModel.initModel(sequelize);
  // Lives (issue live streaming).
  VideoLiveModel.initModel(sequelize);
  LiveSessionModel.initModel(sequelize);
  VideoModel.hasMany(VideoFileModel, { foreignKey: 'videoId', as: 'files' });
  VideoModel.hasOne(StreamingPlaylistModel, { foreignKey: 'videoId', as: 'streamingPlaylist' });
  VideoCaptionModel.initModel(sequelize);
  // No database constraint (see migration 0009): captions outlive their video until their files are removed.
  VideoModel.hasMany(VideoCaptionModel, { foreignKey: 'videoId', as: 'captions', constraints: false });
}

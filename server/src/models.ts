import type { Sequelize } from 'sequelize';
import { AccountModel } from './modules/accounts/account.model';
import { ActorImageModel, ActorModel } from './modules/actors/actor.model';
import { OAuthClientModel, OAuthTokenModel } from './modules/auth/oauth.model';
import { ChannelModel } from './modules/channels/channel.model';
import { UserModel } from './modules/users/user.model';
import { StreamingPlaylistModel, VideoFileModel } from './modules/videos/video-file.model';
import { VideoChapterModel, VideoPasswordModel, VideoRateModel } from './modules/videos/video-extras.model';
import { VideoSourceModel } from './modules/videos/video-source.model';
import { VideoModel } from './modules/videos/video.model';

/** Binds every Sequelize model to the process's connection; order matters for associations. */
export function initModels(sequelize: Sequelize): void {
  UserModel.initModel(sequelize);
  OAuthClientModel.initModel(sequelize);
  OAuthTokenModel.initModel(sequelize);
  ActorModel.initModel(sequelize);
  ActorImageModel.initModel(sequelize);
  AccountModel.initModel(sequelize);
  ChannelModel.initModel(sequelize);
  VideoModel.initModel(sequelize);
  StreamingPlaylistModel.initModel(sequelize);
  VideoFileModel.initModel(sequelize);
  VideoSourceModel.initModel(sequelize);
  VideoPasswordModel.initModel(sequelize);
  VideoChapterModel.initModel(sequelize);
  VideoRateModel.initModel(sequelize);
  VideoModel.hasMany(VideoFileModel, { foreignKey: 'videoId', as: 'files' });
  VideoModel.hasOne(StreamingPlaylistModel, { foreignKey: 'videoId', as: 'streamingPlaylist' });
}

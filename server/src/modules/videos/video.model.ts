import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { VideoPrivacy, VideoState } from '@shoal/models';
import { ChannelModel } from '../channels/channel.model';
import { StreamingPlaylistModel, VideoFileModel } from './video-file.model';

export class VideoModel extends Model<InferAttributes<VideoModel>, InferCreationAttributes<VideoModel>> {
  declare id: CreationOptional<number>;
  declare uuid: string;
  declare url: string;
  declare name: string;
  declare category: CreationOptional<number | null>;
  declare licence: CreationOptional<number | null>;
  declare language: CreationOptional<string | null>;
  declare privacy: VideoPrivacy;
  declare nsfw: CreationOptional<boolean>;
  declare description: CreationOptional<string | null>;
  declare support: CreationOptional<string | null>;
  declare tags: CreationOptional<string[]>;
  declare duration: CreationOptional<number>;
  declare aspectRatio: CreationOptional<number | null>;
  declare views: CreationOptional<number>;
  declare likes: CreationOptional<number>;
  declare dislikes: CreationOptional<number>;
  declare state: VideoState;
  declare waitTranscoding: CreationOptional<boolean>;
  declare commentsPolicy: CreationOptional<number>;
  declare downloadEnabled: CreationOptional<boolean>;
  declare isLive: CreationOptional<boolean>;
  declare remote: CreationOptional<boolean>;
  declare channelId: number;
  declare thumbnailFilename: CreationOptional<string | null>;
  declare previewFilename: CreationOptional<string | null>;
  declare customThumbnail: CreationOptional<boolean>;
  declare customPreview: CreationOptional<boolean>;
  declare transcodingError: CreationOptional<string | null>;
  declare originallyPublishedAt: CreationOptional<Date | null>;
  declare publishedAt: CreationOptional<Date>;
  declare inputFileUpdatedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare channel?: NonAttribute<ChannelModel>;
  declare files?: NonAttribute<VideoFileModel[]>;
  declare streamingPlaylist?: NonAttribute<StreamingPlaylistModel | null>;

  static initModel(sequelize: Sequelize): void {
    VideoModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        uuid: DataTypes.UUID,
        url: DataTypes.STRING,
        name: DataTypes.STRING,
        category: DataTypes.INTEGER,
        licence: DataTypes.INTEGER,
        language: DataTypes.STRING,
        privacy: DataTypes.SMALLINT,
        nsfw: DataTypes.BOOLEAN,
        description: DataTypes.TEXT,
        support: DataTypes.TEXT,
        tags: DataTypes.ARRAY(DataTypes.TEXT),
        duration: DataTypes.INTEGER,
        aspectRatio: DataTypes.REAL,
        views: DataTypes.INTEGER,
        likes: DataTypes.INTEGER,
        dislikes: DataTypes.INTEGER,
        state: DataTypes.SMALLINT,
        waitTranscoding: DataTypes.BOOLEAN,
        commentsPolicy: DataTypes.SMALLINT,
        downloadEnabled: DataTypes.BOOLEAN,
        isLive: DataTypes.BOOLEAN,
        remote: DataTypes.BOOLEAN,
        channelId: DataTypes.INTEGER,
        thumbnailFilename: DataTypes.STRING,
        previewFilename: DataTypes.STRING,
        customThumbnail: DataTypes.BOOLEAN,
        customPreview: DataTypes.BOOLEAN,
        transcodingError: DataTypes.TEXT,
        originallyPublishedAt: DataTypes.DATE,
        publishedAt: DataTypes.DATE,
        inputFileUpdatedAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'videos', underscored: true },
    );
    VideoModel.belongsTo(ChannelModel, { foreignKey: 'channelId', as: 'channel' });
  }
}

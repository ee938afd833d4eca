import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';

/** The HLS playlist of a video: master playlist and segment-hash JSON names. */
export class StreamingPlaylistModel extends Model<
  InferAttributes<StreamingPlaylistModel>,
  InferCreationAttributes<StreamingPlaylistModel>
> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare type: CreationOptional<number>;
  declare playlistFilename: string;
  declare segmentsSha256Filename: string;
  /** Absolute URLs of remote playlists; null for local ones (built from the file names). */
  declare playlistUrl: CreationOptional<string | null>;
  declare segmentsSha256Url: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare files?: NonAttribute<VideoFileModel[]>;

  static initModel(sequelize: Sequelize): void {
    StreamingPlaylistModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        type: DataTypes.SMALLINT,
        playlistFilename: DataTypes.STRING,
        segmentsSha256Filename: DataTypes.STRING,
        playlistUrl: DataTypes.STRING,
        segmentsSha256Url: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_streaming_playlists', underscored: true },
    );
  }
}

/** One rendition file: an HLS fMP4 (with streamingPlaylistId) or a progressive MP4. */
export class VideoFileModel extends Model<InferAttributes<VideoFileModel>, InferCreationAttributes<VideoFileModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare streamingPlaylistId: number | null;
  declare resolution: number;
  declare width: number;
  declare height: number;
  declare size: number;
  declare fps: number;
  declare filename: string;
  declare playlistFilename: CreationOptional<string | null>;
  declare hasAudio: boolean;
  declare hasVideo: boolean;
  declare fileUrl: CreationOptional<string | null>;
  declare metadata: CreationOptional<object | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoFileModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        streamingPlaylistId: DataTypes.INTEGER,
        resolution: DataTypes.INTEGER,
        width: DataTypes.INTEGER,
        height: DataTypes.INTEGER,
        size: {
          type: DataTypes.BIGINT,
          get() {
            return Number(this.getDataValue('size'));
          },
        },
        fps: DataTypes.REAL,
        filename: DataTypes.STRING,
        playlistFilename: DataTypes.STRING,
        hasAudio: DataTypes.BOOLEAN,
        hasVideo: DataTypes.BOOLEAN,
        fileUrl: DataTypes.STRING,
        metadata: DataTypes.JSONB,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_files', underscored: true },
    );
    StreamingPlaylistModel.hasMany(VideoFileModel, { foreignKey: 'streamingPlaylistId', as: 'files' });
  }
}

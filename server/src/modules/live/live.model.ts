import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The live settings of a live video: stream key, replay and latency choices. */
export class VideoLiveModel extends Model<InferAttributes<VideoLiveModel>, InferCreationAttributes<VideoLiveModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare streamKey: string;
  declare saveReplay: boolean;
  declare replayPrivacy: number | null;
  declare permanentLive: boolean;
  declare latencyMode: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoLiveModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        streamKey: DataTypes.UUID,
        saveReplay: DataTypes.BOOLEAN,
        replayPrivacy: DataTypes.SMALLINT,
        permanentLive: DataTypes.BOOLEAN,
        latencyMode: DataTypes.SMALLINT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_lives', underscored: true },
    );
  }
}

/** One streaming session of a live, from the first accepted publish to its end. */
export class LiveSessionModel extends Model<InferAttributes<LiveSessionModel>, InferCreationAttributes<LiveSessionModel>> {
  declare id: CreationOptional<number>;
  declare liveVideoId: number | null;
  declare replayVideoId: CreationOptional<number | null>;
  declare startDate: Date;
  declare endDate: CreationOptional<Date | null>;
  declare error: CreationOptional<number | null>;
  declare saveReplay: boolean;
  declare replayPrivacy: number | null;
  declare endingProcessed: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    LiveSessionModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        liveVideoId: DataTypes.INTEGER,
        replayVideoId: DataTypes.INTEGER,
        startDate: DataTypes.DATE,
        endDate: DataTypes.DATE,
        error: DataTypes.SMALLINT,
        saveReplay: DataTypes.BOOLEAN,
        replayPrivacy: DataTypes.SMALLINT,
        endingProcessed: DataTypes.BOOLEAN,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_live_sessions', underscored: true },
    );
  }
}

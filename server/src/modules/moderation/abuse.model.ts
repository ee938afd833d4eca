import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { VideoModel } from '../videos/video.model';

/** What a report keeps of its target, so moderators can still read it once the target is gone. */
export interface AbuseSnapshot {
  videoName?: string;
  videoUuid?: string;
  commentText?: string;
  commentThreadId?: number;
  commentVideo?: { id: number; name: string; uuid: string };
}

export type AbuseKind = 'video' | 'comment' | 'account';

export class AbuseModel extends Model<InferAttributes<AbuseModel>, InferCreationAttributes<AbuseModel>> {
  declare id: CreationOptional<number>;
  declare kind: AbuseKind;
  declare reason: string;
  declare predefinedReasons: CreationOptional<string[]>;
  declare reporterAccountId: number | null;
  declare flaggedAccountId: number | null;
  declare videoId: CreationOptional<number | null>;
  declare commentId: CreationOptional<number | null>;
  declare startAt: CreationOptional<number | null>;
  declare endAt: CreationOptional<number | null>;
  declare snapshot: CreationOptional<AbuseSnapshot>;
  declare state: CreationOptional<number>;
  declare moderationComment: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AbuseModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        kind: DataTypes.STRING,
        reason: DataTypes.TEXT,
        predefinedReasons: DataTypes.ARRAY(DataTypes.TEXT),
        reporterAccountId: DataTypes.INTEGER,
        flaggedAccountId: DataTypes.INTEGER,
        videoId: DataTypes.INTEGER,
        commentId: DataTypes.INTEGER,
        startAt: DataTypes.INTEGER,
        endAt: DataTypes.INTEGER,
        snapshot: DataTypes.JSONB,
        state: DataTypes.SMALLINT,
        moderationComment: DataTypes.TEXT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'abuses', underscored: true },
    );
  }
}

export class AbuseMessageModel extends Model<InferAttributes<AbuseMessageModel>, InferCreationAttributes<AbuseMessageModel>> {
  declare id: CreationOptional<number>;
  declare abuseId: number;
  declare accountId: number | null;
  declare message: string;
  declare byModerator: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AbuseMessageModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        abuseId: DataTypes.INTEGER,
        accountId: DataTypes.INTEGER,
        message: DataTypes.TEXT,
        byModerator: DataTypes.BOOLEAN,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'abuse_messages', underscored: true },
    );
  }
}

/** A moderator's block of a video ("blacklist" in PeerTube's API). */
export class VideoBlockModel extends Model<InferAttributes<VideoBlockModel>, InferCreationAttributes<VideoBlockModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare reason: string | null;
  declare unfederated: CreationOptional<boolean>;
  declare type: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare video?: NonAttribute<VideoModel>;

  static initModel(sequelize: Sequelize): void {
    VideoBlockModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        reason: DataTypes.TEXT,
        unfederated: DataTypes.BOOLEAN,
        type: DataTypes.SMALLINT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_blacklist', underscored: true },
    );
    VideoBlockModel.belongsTo(VideoModel, { foreignKey: 'videoId', as: 'video' });
  }
}

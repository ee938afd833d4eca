import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { UserRole } from '@shoal/models';

export class UserModel extends Model<InferAttributes<UserModel>, InferCreationAttributes<UserModel>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare email: string;
  declare pendingEmail: CreationOptional<string | null>;
  declare emailVerified: CreationOptional<boolean | null>;
  declare passwordHash: string;
  declare role: UserRole;
  declare adminFlags: CreationOptional<number>;
  declare videoQuota: number;
  declare videoQuotaDaily: number;
  declare blocked: CreationOptional<boolean>;
  declare blockedReason: CreationOptional<string | null>;
  declare nsfwPolicy: CreationOptional<string>;
  declare p2pEnabled: CreationOptional<boolean>;
  declare autoPlayVideo: CreationOptional<boolean>;
  declare autoPlayNextVideo: CreationOptional<boolean>;
  declare autoPlayNextVideoPlaylist: CreationOptional<boolean>;
  declare videosHistoryEnabled: CreationOptional<boolean>;
  declare videoLanguages: CreationOptional<string[] | null>;
  declare language: CreationOptional<string | null>;
  declare theme: CreationOptional<string>;
  declare noInstanceConfigWarningModal: CreationOptional<boolean>;
  declare noWelcomeModal: CreationOptional<boolean>;
  declare noAccountSetupWarningModal: CreationOptional<boolean>;
  declare lastLoginDate: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    UserModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        username: DataTypes.STRING,
        email: DataTypes.STRING,
        pendingEmail: DataTypes.STRING,
        emailVerified: DataTypes.BOOLEAN,
        passwordHash: DataTypes.TEXT,
        role: DataTypes.SMALLINT,
        adminFlags: DataTypes.INTEGER,
        // bigint columns come back as strings from pg; quotas stay far below 2^53.
        videoQuota: {
          type: DataTypes.BIGINT,
          get() {
            return Number(this.getDataValue('videoQuota'));
          },
        },
        videoQuotaDaily: {
          type: DataTypes.BIGINT,
          get() {
            return Number(this.getDataValue('videoQuotaDaily'));
          },
        },
        blocked: DataTypes.BOOLEAN,
        blockedReason: DataTypes.TEXT,
        nsfwPolicy: DataTypes.STRING,
        p2pEnabled: DataTypes.BOOLEAN,
        autoPlayVideo: DataTypes.BOOLEAN,
        autoPlayNextVideo: DataTypes.BOOLEAN,
        autoPlayNextVideoPlaylist: DataTypes.BOOLEAN,
        videosHistoryEnabled: DataTypes.BOOLEAN,
        videoLanguages: DataTypes.JSONB,
        language: DataTypes.STRING,
        theme: DataTypes.STRING,
        noInstanceConfigWarningModal: DataTypes.BOOLEAN,
        noWelcomeModal: DataTypes.BOOLEAN,
        noAccountSetupWarningModal: DataTypes.BOOLEAN,
        lastLoginDate: DataTypes.DATE,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users', underscored: true },
    );
  }
}

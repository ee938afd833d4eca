import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One notification of one user; the reference columns set depend on `type`. */
export class UserNotificationModel extends Model<InferAttributes<UserNotificationModel>, InferCreationAttributes<UserNotificationModel>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare type: number;
  declare read: CreationOptional<boolean>;
  declare videoId: CreationOptional<number | null>;
  declare commentId: CreationOptional<number | null>;
  declare abuseId: CreationOptional<number | null>;
  declare videoBlacklistId: CreationOptional<number | null>;
  declare accountId: CreationOptional<number | null>;
  declare registrationId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    UserNotificationModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        userId: DataTypes.INTEGER,
        type: DataTypes.SMALLINT,
        read: DataTypes.BOOLEAN,
        videoId: DataTypes.INTEGER,
        commentId: DataTypes.INTEGER,
        abuseId: DataTypes.INTEGER,
        videoBlacklistId: DataTypes.INTEGER,
        accountId: DataTypes.INTEGER,
        registrationId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'user_notifications', underscored: true },
    );
  }
}

/** Only the settings a user changed are stored; the rest are the defaults. */
export class UserNotificationSettingsModel extends Model<
  InferAttributes<UserNotificationSettingsModel>,
  InferCreationAttributes<UserNotificationSettingsModel>
> {
  declare userId: number;
  declare settings: Record<string, number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    UserNotificationSettingsModel.init(
      {
        userId: { type: DataTypes.INTEGER, primaryKey: true },
        settings: DataTypes.JSONB,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'user_notification_settings', underscored: true },
    );
  }
}

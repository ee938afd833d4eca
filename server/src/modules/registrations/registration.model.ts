import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A sign-up waiting for a moderator (signup.requires_approval); the password is kept hashed only. */
export class UserRegistrationModel extends Model<InferAttributes<UserRegistrationModel>, InferCreationAttributes<UserRegistrationModel>> {
  declare id: CreationOptional<number>;
  declare state: CreationOptional<number>;
  declare registrationReason: string;
  declare moderationResponse: CreationOptional<string | null>;
  declare username: string;
  declare email: string;
  declare emailVerified: boolean | null;
  declare passwordHash: string;
  declare accountDisplayName: string | null;
  declare channelHandle: string | null;
  declare channelDisplayName: string | null;
  declare userId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    UserRegistrationModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        state: DataTypes.SMALLINT,
        registrationReason: DataTypes.TEXT,
        moderationResponse: DataTypes.TEXT,
        username: DataTypes.STRING,
        email: DataTypes.STRING,
        emailVerified: DataTypes.BOOLEAN,
        passwordHash: DataTypes.TEXT,
        accountDisplayName: DataTypes.STRING,
        channelHandle: DataTypes.STRING,
        channelDisplayName: DataTypes.STRING,
        userId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'user_registrations', underscored: true },
    );
  }
}

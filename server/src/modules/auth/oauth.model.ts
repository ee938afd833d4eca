import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class OAuthClientModel extends Model<InferAttributes<OAuthClientModel>, InferCreationAttributes<OAuthClientModel>> {
  declare id: CreationOptional<number>;
  declare clientId: string;
  declare clientSecret: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    OAuthClientModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        clientId: DataTypes.STRING,
        clientSecret: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'oauth_clients', underscored: true },
    );
  }
}

export class OAuthTokenModel extends Model<InferAttributes<OAuthTokenModel>, InferCreationAttributes<OAuthTokenModel>> {
  declare id: CreationOptional<number>;
  declare accessTokenHash: string;
  declare accessTokenExpiresAt: Date;
  declare refreshTokenHash: string;
  declare refreshTokenExpiresAt: Date;
  declare userId: number;
  declare oauthClientId: number;
  declare loginDate: CreationOptional<Date>;
  declare loginIp: CreationOptional<string | null>;
  declare loginDevice: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    OAuthTokenModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        accessTokenHash: DataTypes.STRING,
        accessTokenExpiresAt: DataTypes.DATE,
        refreshTokenHash: DataTypes.STRING,
        refreshTokenExpiresAt: DataTypes.DATE,
        userId: DataTypes.INTEGER,
        oauthClientId: DataTypes.INTEGER,
        loginDate: DataTypes.DATE,
        loginIp: DataTypes.STRING,
        loginDevice: DataTypes.TEXT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'oauth_tokens', underscored: true },
    );
  }
}

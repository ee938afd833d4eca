import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { AccountModel } from '../accounts/account.model';
import { ActorModel } from '../actors/actor.model';

export class ChannelModel extends Model<InferAttributes<ChannelModel>, InferCreationAttributes<ChannelModel>> {
  declare id: CreationOptional<number>;
  declare actorId: number;
  declare accountId: number;
  declare displayName: string;
  declare description: CreationOptional<string | null>;
  declare support: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare actor?: NonAttribute<ActorModel>;
  declare account?: NonAttribute<AccountModel>;

  static initModel(sequelize: Sequelize): void {
    ChannelModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        actorId: DataTypes.INTEGER,
        accountId: DataTypes.INTEGER,
        displayName: DataTypes.STRING,
        description: DataTypes.TEXT,
        support: DataTypes.TEXT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_channels', underscored: true },
    );
    ChannelModel.belongsTo(ActorModel, { foreignKey: 'actorId', as: 'actor' });
    ChannelModel.belongsTo(AccountModel, { foreignKey: 'accountId', as: 'account' });
  }
}

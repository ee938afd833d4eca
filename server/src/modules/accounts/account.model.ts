import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { ActorModel } from '../actors/actor.model';

export class AccountModel extends Model<InferAttributes<AccountModel>, InferCreationAttributes<AccountModel>> {
  declare id: CreationOptional<number>;
  declare actorId: number;
  declare userId: number | null;
  declare displayName: string;
  declare description: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare actor?: NonAttribute<ActorModel>;

  static initModel(sequelize: Sequelize): void {
    AccountModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        actorId: DataTypes.INTEGER,
        userId: DataTypes.INTEGER,
        displayName: DataTypes.STRING,
        description: DataTypes.TEXT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'accounts', underscored: true },
    );
    AccountModel.belongsTo(ActorModel, { foreignKey: 'actorId', as: 'actor' });
  }
}

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

/** `accountId` null = the instance blocks the target; otherwise that account mutes it. */
export class AccountBlockModel extends Model<InferAttributes<AccountBlockModel>, InferCreationAttributes<AccountBlockModel>> {
  declare id: CreationOptional<number>;
  declare accountId: number | null;
  declare targetAccountId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare byAccount?: NonAttribute<AccountModel | null>;
  declare blockedAccount?: NonAttribute<AccountModel>;

  static initModel(sequelize: Sequelize): void {
    AccountBlockModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        accountId: DataTypes.INTEGER,
        targetAccountId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'account_blocklist', underscored: true },
    );
    AccountBlockModel.belongsTo(AccountModel, { foreignKey: 'accountId', as: 'byAccount' });
    AccountBlockModel.belongsTo(AccountModel, { foreignKey: 'targetAccountId', as: 'blockedAccount' });
  }
}

export class ServerBlockModel extends Model<InferAttributes<ServerBlockModel>, InferCreationAttributes<ServerBlockModel>> {
  declare id: CreationOptional<number>;
  declare accountId: number | null;
  declare host: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare byAccount?: NonAttribute<AccountModel | null>;

  static initModel(sequelize: Sequelize): void {
    ServerBlockModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        accountId: DataTypes.INTEGER,
        host: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'server_blocklist', underscored: true },
    );
    ServerBlockModel.belongsTo(AccountModel, { foreignKey: 'accountId', as: 'byAccount' });
  }
}

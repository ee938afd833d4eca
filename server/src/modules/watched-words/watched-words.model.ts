import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A named list of words; `accountId` null = the instance's list. The list name is the automatic tag. */
export class WatchedWordsListModel extends Model<InferAttributes<WatchedWordsListModel>, InferCreationAttributes<WatchedWordsListModel>> {
  declare id: CreationOptional<number>;
  declare accountId: number | null;
  declare listName: string;
  declare words: string[];
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    WatchedWordsListModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        accountId: DataTypes.INTEGER,
        listName: DataTypes.STRING,
        words: DataTypes.JSONB,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'watched_words_lists', underscored: true },
    );
  }
}

/** What an account does with comments carrying a tag (today: hold them for review). */
export class AutomaticTagPolicyModel extends Model<
  InferAttributes<AutomaticTagPolicyModel>,
  InferCreationAttributes<AutomaticTagPolicyModel>
> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare name: string;
  declare policy: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AutomaticTagPolicyModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        accountId: DataTypes.INTEGER,
        name: DataTypes.STRING,
        policy: DataTypes.SMALLINT,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'automatic_tag_policies', underscored: true },
    );
  }
}

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

/** A comment; roots have `originCommentId` null. `accountId` null = a deleted comment kept for its replies. */
export class VideoCommentModel extends Model<InferAttributes<VideoCommentModel>, InferCreationAttributes<VideoCommentModel>> {
  declare id: CreationOptional<number>;
  /** ActivityPub id of remote comments; local ones derive it from the id. */
  declare url: CreationOptional<string | null>;
  declare text: string;
  declare videoId: number;
  declare accountId: number | null;
  declare originCommentId: number | null;
  declare inReplyToCommentId: number | null;
  declare heldForReview: CreationOptional<boolean>;
  declare deletedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare account?: NonAttribute<AccountModel | null>;

  static initModel(sequelize: Sequelize): void {
    VideoCommentModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        url: DataTypes.STRING,
        text: DataTypes.TEXT,
        videoId: DataTypes.INTEGER,
        accountId: DataTypes.INTEGER,
        originCommentId: DataTypes.INTEGER,
        inReplyToCommentId: DataTypes.INTEGER,
        heldForReview: DataTypes.BOOLEAN,
        deletedAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_comments', underscored: true },
    );
    VideoCommentModel.belongsTo(AccountModel, { foreignKey: 'accountId', as: 'account' });
  }

  get threadId(): NonAttribute<number> {
    return this.originCommentId ?? this.id;
  }
}

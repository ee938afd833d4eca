import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One caption of a video: a local WebVTT file (`filename`) or a remote one (`fileUrl`). */
export class VideoCaptionModel extends Model<InferAttributes<VideoCaptionModel>, InferCreationAttributes<VideoCaptionModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare language: string;
  declare filename: string | null;
  declare fileUrl: string | null;
  declare automaticallyGenerated: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoCaptionModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        language: DataTypes.STRING,
        filename: DataTypes.STRING,
        fileUrl: DataTypes.STRING,
        automaticallyGenerated: { type: DataTypes.BOOLEAN, defaultValue: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_captions', underscored: true },
    );
  }
}

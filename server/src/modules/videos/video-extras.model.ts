import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class VideoPasswordModel extends Model<InferAttributes<VideoPasswordModel>, InferCreationAttributes<VideoPasswordModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare password: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoPasswordModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        password: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_passwords', underscored: true },
    );
  }
}

export class VideoChapterModel extends Model<InferAttributes<VideoChapterModel>, InferCreationAttributes<VideoChapterModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare timecode: number;
  declare title: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoChapterModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        timecode: DataTypes.INTEGER,
        title: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_chapters', underscored: true },
    );
  }
}

export class VideoRateModel extends Model<InferAttributes<VideoRateModel>, InferCreationAttributes<VideoRateModel>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare videoId: number;
  declare type: 'like' | 'dislike';
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoRateModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        accountId: DataTypes.INTEGER,
        videoId: DataTypes.INTEGER,
        type: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_rates', underscored: true },
    );
  }
}

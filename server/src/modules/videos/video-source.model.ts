import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** An uploaded original. The newest row of a video is its current version. */
export class VideoSourceModel extends Model<InferAttributes<VideoSourceModel>, InferCreationAttributes<VideoSourceModel>> {
  declare id: CreationOptional<number>;
  declare videoId: number;
  declare inputFilename: string;
  /** File name under storage original-video-files; null once deleted. */
  declare keepFilename: string | null;
  declare size: number;
  declare resolution: number;
  declare width: number;
  declare height: number;
  declare fps: number;
  declare duration: number;
  declare metadata: CreationOptional<object | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    VideoSourceModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        videoId: DataTypes.INTEGER,
        inputFilename: DataTypes.STRING,
        keepFilename: DataTypes.STRING,
        size: {
          type: DataTypes.BIGINT,
          get() {
            return Number(this.getDataValue('size'));
          },
        },
        resolution: DataTypes.INTEGER,
        width: DataTypes.INTEGER,
        height: DataTypes.INTEGER,
        fps: DataTypes.REAL,
        duration: DataTypes.REAL,
        metadata: DataTypes.JSONB,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'video_sources', underscored: true },
    );
  }
}

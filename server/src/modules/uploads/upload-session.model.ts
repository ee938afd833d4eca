import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type UploadKind = 'video' | 'replace';
export type UploadStatus = 'uploading' | 'processing' | 'done';

/** A resumable upload. The bytes live in tmp/resumable-uploads/<id>; this row survives restarts. */
export class UploadSessionModel extends Model<InferAttributes<UploadSessionModel>, InferCreationAttributes<UploadSessionModel>> {
  declare id: string;
  declare userId: number;
  declare kind: UploadKind;
  declare videoId: number | null;
  declare fingerprint: string;
  declare metadata: Record<string, unknown>;
  declare filename: string;
  declare mimeType: string;
  declare size: number;
  declare received: CreationOptional<number>;
  declare status: CreationOptional<UploadStatus>;
  declare result: CreationOptional<object | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    UploadSessionModel.init(
      {
        id: { type: DataTypes.STRING, primaryKey: true },
        userId: DataTypes.INTEGER,
        kind: DataTypes.STRING,
        videoId: DataTypes.INTEGER,
        fingerprint: DataTypes.STRING,
        metadata: DataTypes.JSONB,
        filename: DataTypes.STRING,
        mimeType: DataTypes.STRING,
        size: {
          type: DataTypes.BIGINT,
          get() {
            return Number(this.getDataValue('size'));
          },
        },
        received: {
          type: DataTypes.BIGINT,
          get() {
            return Number(this.getDataValue('received'));
          },
        },
        status: DataTypes.STRING,
        result: DataTypes.JSONB,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'upload_sessions', underscored: true },
    );
  }
}

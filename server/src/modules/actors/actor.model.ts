import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';

export type ActorType = 'Person' | 'Group' | 'Application';

/** A federated identity: an account (Person), a channel (Group) or the instance (Application). */
export class ActorModel extends Model<InferAttributes<ActorModel>, InferCreationAttributes<ActorModel>> {
  declare id: CreationOptional<number>;
  declare type: ActorType;
  declare preferredUsername: string;
  declare url: string;
  /** null for local actors. */
  declare host: string | null;
  declare publicKey: CreationOptional<string | null>;
  declare privateKey: CreationOptional<string | null>;
  declare inboxUrl: string;
  declare outboxUrl: string;
  declare sharedInboxUrl: CreationOptional<string | null>;
  declare followersUrl: string;
  declare followingUrl: string;
  declare followersCount: CreationOptional<number>;
  declare followingCount: CreationOptional<number>;
  declare remoteUpdatedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare images?: NonAttribute<ActorImageModel[]>;

  static initModel(sequelize: Sequelize): void {
    ActorModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        type: DataTypes.STRING,
        preferredUsername: DataTypes.STRING,
        url: DataTypes.STRING,
        host: DataTypes.STRING,
        publicKey: DataTypes.TEXT,
        privateKey: DataTypes.TEXT,
        inboxUrl: DataTypes.STRING,
        outboxUrl: DataTypes.STRING,
        sharedInboxUrl: DataTypes.STRING,
        followersUrl: DataTypes.STRING,
        followingUrl: DataTypes.STRING,
        followersCount: DataTypes.INTEGER,
        followingCount: DataTypes.INTEGER,
        remoteUpdatedAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'actors', underscored: true },
    );
  }
}

export const ActorImageType = { AVATAR: 1, BANNER: 2 } as const;
export type ActorImageType = (typeof ActorImageType)[keyof typeof ActorImageType];

export class ActorImageModel extends Model<InferAttributes<ActorImageModel>, InferCreationAttributes<ActorImageModel>> {
  declare id: CreationOptional<number>;
  declare actorId: number;
  declare type: ActorImageType;
  declare filename: string;
  declare width: number;
  declare height: number;
  declare fileUrl: CreationOptional<string | null>;
  declare onDisk: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ActorImageModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        actorId: DataTypes.INTEGER,
        type: DataTypes.SMALLINT,
        filename: DataTypes.STRING,
        width: DataTypes.INTEGER,
        height: DataTypes.INTEGER,
        fileUrl: DataTypes.STRING,
        onDisk: DataTypes.BOOLEAN,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'actor_images', underscored: true },
    );
    ActorModel.hasMany(ActorImageModel, { foreignKey: 'actorId', as: 'images' });
  }
}

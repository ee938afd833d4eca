import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { FollowState } from '@shoal/models';
import { ActorModel } from '../../actors/actor.model';

/** One actor following another: a subscription, an account follow or an instance follow. */
export class ActorFollowModel extends Model<InferAttributes<ActorFollowModel>, InferCreationAttributes<ActorFollowModel>> {
  declare id: CreationOptional<number>;
  declare actorId: number;
  declare targetActorId: number;
  declare state: FollowState;
  declare score: CreationOptional<number>;
  declare url: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare actor?: NonAttribute<ActorModel>;
  declare target?: NonAttribute<ActorModel>;

  static initModel(sequelize: Sequelize): void {
    ActorFollowModel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        actorId: DataTypes.INTEGER,
        targetActorId: DataTypes.INTEGER,
        state: DataTypes.STRING,
        score: DataTypes.INTEGER,
        url: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'actor_follows', underscored: true },
    );
    ActorFollowModel.belongsTo(ActorModel, { foreignKey: 'actorId', as: 'actor' });
    ActorFollowModel.belongsTo(ActorModel, { foreignKey: 'targetActorId', as: 'target' });
  }
}

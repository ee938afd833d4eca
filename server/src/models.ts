import type { Sequelize } from 'sequelize';
import { AccountModel } from './modules/accounts/account.model';
import { ActorImageModel, ActorModel } from './modules/actors/actor.model';
import { OAuthClientModel, OAuthTokenModel } from './modules/auth/oauth.model';
import { ChannelModel } from './modules/channels/channel.model';
import { UserModel } from './modules/users/user.model';

/** Binds every Sequelize model to the process's connection; order matters for associations. */
export function initModels(sequelize: Sequelize): void {
  UserModel.initModel(sequelize);
  OAuthClientModel.initModel(sequelize);
  OAuthTokenModel.initModel(sequelize);
  ActorModel.initModel(sequelize);
  ActorImageModel.initModel(sequelize);
  AccountModel.initModel(sequelize);
  ChannelModel.initModel(sequelize);
}

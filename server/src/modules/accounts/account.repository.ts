import type { Transaction } from 'sequelize';
import { ActorImageModel, ActorModel, findActorIdByHandle } from '../actors';
import { AccountModel } from './account.model';

export const accountInclude = () => [
  { model: ActorModel, as: 'actor', required: true, include: [{ model: ActorImageModel, as: 'images' }] },
];

export const accountRepository = {
  async findByHandle(handle: string, localHost: string): Promise<AccountModel | null> {
    const actorId = await findActorIdByHandle(handle, localHost, 'Person');
    return actorId ? AccountModel.findOne({ where: { actorId }, include: accountInclude() }) : null;
  },

  findByUserId(userId: number, transaction?: Transaction): Promise<AccountModel | null> {
    return AccountModel.findOne({ where: { userId }, include: accountInclude(), transaction });
  },

  /** The actor behind a local account (avatars hang off actors). */
  async actorIdOf(accountId: number): Promise<number> {
    const account = await AccountModel.findByPk(accountId, { attributes: ['actorId'] });
    if (!account) throw new Error(`account ${accountId} vanished`);
    return account.actorId;
  },

  findById(id: number): Promise<AccountModel | null> {
    return AccountModel.findByPk(id, { include: accountInclude() });
  },

  list(opts: { start: number; count: number; order: [string, 'ASC' | 'DESC'] }) {
    return AccountModel.findAndCountAll({
      include: accountInclude(),
      offset: opts.start,
      limit: opts.count,
      order: [opts.order],
      distinct: true,
    });
  },
};

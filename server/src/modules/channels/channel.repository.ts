import type { Transaction } from 'sequelize';
import { accountInclude } from '../accounts/account.repository';
import { AccountModel } from '../accounts/account.model';
import { ActorImageModel, ActorModel, findActorIdByHandle } from '../actors';
import { ChannelModel } from './channel.model';

export const channelInclude = () => [
  { model: ActorModel, as: 'actor', required: true, include: [{ model: ActorImageModel, as: 'images' }] },
  { model: AccountModel, as: 'account', required: true, include: accountInclude() },
];

export const SORT_COLUMNS: Record<string, string> = {
  id: 'id',
  name: 'actor.preferred_username',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};

export const channelRepository = {
  async findByHandle(handle: string, localHost: string): Promise<ChannelModel | null> {
    const actorId = await findActorIdByHandle(handle, localHost, 'Group');
    return actorId ? ChannelModel.findOne({ where: { actorId }, include: channelInclude() }) : null;
  },

  findById(id: number, transaction?: Transaction): Promise<ChannelModel | null> {
    return ChannelModel.findByPk(id, { include: channelInclude(), transaction });
  },

  list(opts: { start: number; count: number; sort: string; accountId?: number }) {
    const desc = opts.sort.startsWith('-');
    const column = SORT_COLUMNS[desc ? opts.sort.slice(1) : opts.sort] ?? 'createdAt';
    const order = column.includes('.')
      ? [[{ model: ActorModel, as: 'actor' }, 'preferredUsername', desc ? 'DESC' : 'ASC']]
      : [[column, desc ? 'DESC' : 'ASC']];
    return ChannelModel.findAndCountAll({
      where: opts.accountId ? { accountId: opts.accountId } : {},
      include: channelInclude(),
      offset: opts.start,
      limit: opts.count,
      order: [...(order as never[]), ['id', 'ASC']],
      distinct: true,
    });
  },

  countForAccount(accountId: number, transaction?: Transaction): Promise<number> {
    return ChannelModel.count({ where: { accountId }, transaction });
  },
};

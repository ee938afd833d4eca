import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { UserRole } from '@shoal/models';
import { accountInclude } from '../accounts/account.repository';
import { AccountModel } from '../accounts/account.model';
import { ActorImageModel, ActorModel, findActorIdByHandle } from '../actors';
import { queryChannels, type ChannelQuery } from './channel-list.query';
import { ChannelModel } from './channel.model';
import type { ChannelLike } from './channel.serializer';

/** Sequelize include tree of a channel, for callers that need model instances (updates, other modules' includes). */
export const channelInclude = () => [
  { model: ActorModel, as: 'actor', required: true, include: [{ model: ActorImageModel, as: 'images' }] },
  { model: AccountModel, as: 'account', required: true, include: accountInclude() },
];

export const channelRepository = {
  /** A model instance, for changes. Reads for JSON should use `findForJson`. */
  async findByHandle(handle: string, localHost: string): Promise<ChannelModel | null> {
    const actorId = await findActorIdByHandle(handle, localHost, 'Group');
    return actorId ? ChannelModel.findOne({ where: { actorId }, include: channelInclude() }) : null;
  },

  async findForJson(sequelize: Sequelize, handle: string, localHost: string): Promise<ChannelLike | null> {
    const actorId = await findActorIdByHandle(handle, localHost, 'Group');
    if (!actorId) return null;
    const { rows } = await queryChannels(sequelize, { start: 0, count: 1, sort: 'id', actorId });
    return rows[0] ?? null;
  },

  findById(id: number, transaction?: Transaction): Promise<ChannelModel | null> {
    return ChannelModel.findByPk(id, { include: channelInclude(), transaction });
  },

  list(sequelize: Sequelize, opts: ChannelQuery): Promise<{ rows: ChannelLike[]; count: number }> {
    return queryChannels(sequelize, opts);
  },

  /** Serializes channel creations and deletions of one account, so limits hold under concurrency. */
  async lockAccount(accountId: number, transaction: Transaction): Promise<void> {
    await AccountModel.findByPk(accountId, { attributes: ['id'], lock: transaction.LOCK.UPDATE, transaction });
  },

  countForAccount(accountId: number, transaction?: Transaction): Promise<number> {
    return ChannelModel.count({ where: { accountId }, transaction });
  },

  /** Role of the user owning an account; null for accounts without a local user. */
  async ownerRole(sequelize: Sequelize, accountId: number): Promise<UserRole | null> {
    const rows = await sequelize.query<{ role: number }>(
      'SELECT u.role FROM users u JOIN accounts a ON a.user_id = u.id WHERE a.id = :accountId',
      { replacements: { accountId }, type: QueryTypes.SELECT },
    );
    return rows.length ? (Number(rows[0].role) as UserRole) : null;
  },
};

import { col, fn, Op, where, type WhereOptions } from 'sequelize';
import { accountInclude } from '../accounts';
import { AccountModel } from '../accounts/account.model';
import { AccountBlockModel, ServerBlockModel } from './blocklist.model';

const scope = (accountId: number | null) => ({ accountId: accountId ?? { [Op.is]: null } }) as WhereOptions;
const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const order = (sort: string) => [
  ['createdAt', sort.startsWith('-') ? 'DESC' : 'ASC'] as [string, string],
  ['id', 'ASC'] as [string, string],
];

interface Page {
  start: number;
  count: number;
  sort: string;
  search?: string;
}

export const blocklistRepository = {
  listAccounts(accountId: number | null, q: Page) {
    const search = q.search
      ? {
          [Op.or]: [
            where(fn('lower', col('blockedAccount.display_name')), Op.like, likeContains(q.search)),
            where(fn('lower', col('blockedAccount->actor.preferred_username')), Op.like, likeContains(q.search)),
          ],
        }
      : {};
    return AccountBlockModel.findAndCountAll({
      where: { ...scope(accountId), ...search } as WhereOptions,
      include: [
        { model: AccountModel, as: 'byAccount', required: false, include: accountInclude() },
        { model: AccountModel, as: 'blockedAccount', required: true, include: accountInclude() },
      ],
      offset: q.start,
      limit: q.count,
      order: order(q.sort) as never,
      distinct: true,
    });
  },

  listServers(accountId: number | null, q: Page) {
    return ServerBlockModel.findAndCountAll({
      where: { ...scope(accountId), ...(q.search ? { host: { [Op.like]: likeContains(q.search) } } : {}) } as WhereOptions,
      include: [{ model: AccountModel, as: 'byAccount', required: false, include: accountInclude() }],
      offset: q.start,
      limit: q.count,
      order: order(q.sort) as never,
    });
  },

  async addAccount(accountId: number | null, targetAccountId: number): Promise<void> {
    await AccountBlockModel.findOrCreate({
      where: { ...scope(accountId), targetAccountId } as never,
      defaults: { accountId, targetAccountId },
    });
  },

  removeAccount(accountId: number | null, targetAccountId: number): Promise<number> {
    return AccountBlockModel.destroy({ where: { ...scope(accountId), targetAccountId } as WhereOptions });
  },

  async addServer(accountId: number | null, host: string): Promise<void> {
    const existing = await ServerBlockModel.findOne({ where: { ...scope(accountId), host: host.toLowerCase() } as WhereOptions });
    if (!existing) await ServerBlockModel.create({ accountId, host: host.toLowerCase() });
  },

  removeServer(accountId: number | null, host: string): Promise<number> {
    return ServerBlockModel.destroy({ where: { ...scope(accountId), host: host.toLowerCase() } as WhereOptions });
  },

  /** Which of these accounts (by id) and hosts are blocked by the instance and by `viewer`. */
  async status(accountIds: number[], hosts: string[], viewer?: number) {
    const scopes = [{ accountId: { [Op.is]: null } }, ...(viewer ? [{ accountId: viewer }] : [])];
    const [accounts, servers] = await Promise.all([
      accountIds.length ? AccountBlockModel.findAll({ where: { targetAccountId: accountIds, [Op.or]: scopes } as never }) : [],
      hosts.length ? ServerBlockModel.findAll({ where: { host: hosts.map((h) => h.toLowerCase()), [Op.or]: scopes } as never }) : [],
    ]);
    return { accounts, servers };
  },
};

import { Op, type Transaction } from 'sequelize';
import { AutomaticTagPolicyModel, WatchedWordsListModel } from './watched-words.model';

/** `accountId` null = the instance's lists. */
const ownerWhere = (accountId: number | null) => ({ accountId: accountId ?? { [Op.is]: null } });

export const watchedWordsRepository = {
  list(accountId: number | null, opts: { start: number; count: number; sort: string }) {
    const desc = opts.sort.startsWith('-');
    const column = desc ? opts.sort.slice(1) : opts.sort;
    return WatchedWordsListModel.findAndCountAll({
      where: ownerWhere(accountId) as never,
      offset: opts.start,
      limit: opts.count,
      order: [
        [column, desc ? 'DESC' : 'ASC'],
        ['id', 'ASC'],
      ],
    });
  },

  /** Every list of these scopes, for tagging. */
  allOf(accountIds: Array<number | null>): Promise<WatchedWordsListModel[]> {
    const ids = accountIds.filter((id): id is number => id !== null);
    const scopes = [...(accountIds.includes(null) ? [{ accountId: { [Op.is]: null } }] : []), ...(ids.length ? [{ accountId: ids }] : [])];
    return scopes.length ? WatchedWordsListModel.findAll({ where: { [Op.or]: scopes } as never }) : Promise.resolve([]);
  },

  findOne(accountId: number | null, id: number): Promise<WatchedWordsListModel | null> {
    return WatchedWordsListModel.findOne({ where: { id, ...ownerWhere(accountId) } as never });
  },

  count(accountId: number | null): Promise<number> {
    return WatchedWordsListModel.count({ where: ownerWhere(accountId) as never });
  },

  listNames(accountId: number | null): Promise<string[]> {
    return WatchedWordsListModel.findAll({
      where: ownerWhere(accountId) as never,
      attributes: ['listName'],
      order: [['listName', 'ASC']],
    }).then((rows) => rows.map((r) => r.listName));
  },

  async reviewTags(accountId: number, policy: number): Promise<string[]> {
    const rows = await AutomaticTagPolicyModel.findAll({ where: { accountId, policy }, order: [['name', 'ASC']] });
    return rows.map((r) => r.name);
  },

  async replaceReviewTags(accountId: number, policy: number, names: string[], transaction: Transaction): Promise<void> {
    await AutomaticTagPolicyModel.destroy({ where: { accountId, policy }, transaction });
    await AutomaticTagPolicyModel.bulkCreate(
      names.map((name) => ({ accountId, name, policy })),
      { transaction },
    );
  },
};

import { col, fn, Op, QueryTypes, where, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import { UserModel } from './user.model';

const lower = (column: string, value: string) => where(fn('lower', col(column)), value.toLowerCase());

/** Escapes LIKE wildcards so a search for "a_b" matches that text only. */
const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export const userRepository = {
  findByUsernameOrEmail(username: string, email: string, transaction?: Transaction): Promise<UserModel | null> {
    return UserModel.findOne({ where: { [Op.or]: [lower('username', username), lower('email', email)] }, transaction });
  },

  findByEmail(email: string): Promise<UserModel | null> {
    return UserModel.findOne({ where: lower('email', email) });
  },

  /** The administrator created at first start; it can be neither deleted nor blocked. */
  initialAdminId(): Promise<number | null> {
    return UserModel.min<number, UserModel>('id');
  },

  count(): Promise<number> {
    return UserModel.count();
  },

  list(opts: { start: number; count: number; sort: string; search?: string; blocked?: boolean }) {
    const desc = opts.sort.startsWith('-');
    const column = desc ? opts.sort.slice(1) : opts.sort;
    const conditions: WhereOptions<UserModel>[] = [];
    if (opts.search) {
      const like = likeContains(opts.search);
      conditions.push({ [Op.or]: [where(fn('lower', col('username')), Op.like, like), where(fn('lower', col('email')), Op.like, like)] });
    }
    if (opts.blocked !== undefined) conditions.push({ blocked: opts.blocked });
    return UserModel.findAndCountAll({
      where: { [Op.and]: conditions },
      offset: opts.start,
      limit: opts.count,
      order: [
        // Quota usage is not stored per user yet: fall back to a stable order.
        [column === 'videoQuotaUsed' ? 'id' : column, desc ? 'DESC' : 'ASC'],
        ['id', 'ASC'],
      ],
    });
  },

  /** Usernames containing `search`, shortest first so exact and prefix matches come on top. */
  async autocomplete(sequelize: Sequelize, search: string, limit: number): Promise<string[]> {
    const rows = await sequelize.query<{ username: string }>(
      `SELECT username FROM users WHERE lower(username) LIKE :like ORDER BY length(username), username LIMIT :limit`,
      { replacements: { like: likeContains(search), limit }, type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.username);
  },
};

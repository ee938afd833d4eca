import { col, fn, where, type WhereOptions } from 'sequelize';

/** Case-insensitive exact match of a handle (ILIKE would treat `_` and `%` in names as wildcards). */
export function sameName(name: string): WhereOptions {
  return where(fn('lower', col('preferred_username')), name.toLowerCase());
}

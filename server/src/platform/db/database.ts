import { Sequelize, Transaction } from 'sequelize';
import type { Config } from '../config';
import type { Logger } from '../logger';

export function databaseUrl(config: Config): string {
  const d = config.database;
  if (d.url) return d.url;
  const auth = d.password ? `${encodeURIComponent(d.username)}:${encodeURIComponent(d.password)}` : encodeURIComponent(d.username);
  return `postgres://${auth}@${d.hostname}:${d.port}/${encodeURIComponent(d.name)}`;
}

export function createSequelize(config: Config, logger: Logger): Sequelize {
  return new Sequelize(databaseUrl(config), {
    dialect: 'postgres',
    logging: (sql) => logger.trace({ sql }, 'sql'),
    pool: { max: config.database.pool.max, min: 0, idle: 10_000 },
    define: { underscored: true, timestamps: true },
  });
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `work` in a transaction, retrying it when PostgreSQL reports a
 * serialization failure or deadlock (safe because the whole transaction is replayed).
 */
export async function withTransaction<T>(
  sequelize: Sequelize,
  work: (t: Transaction) => Promise<T>,
  opts: { retries?: number; isolationLevel?: Transaction.ISOLATION_LEVELS } = {},
): Promise<T> {
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await sequelize.transaction({ isolationLevel: opts.isolationLevel }, work);
    } catch (err) {
      const code = (err as { parent?: { code?: string }; original?: { code?: string } }).parent?.code;
      if (attempt >= retries || !code || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 10 * 2 ** attempt + Math.random() * 10));
    }
  }
}

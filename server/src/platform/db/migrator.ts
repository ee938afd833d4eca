import type { QueryInterface, Sequelize, Transaction } from 'sequelize';
import type { Logger } from '../logger';

export interface Migration {
  /** Ordered, unique, never renamed: "0001-initial". */
  name: string;
  up(ctx: { sequelize: Sequelize; queryInterface: QueryInterface; transaction: Transaction }): Promise<void>;
}

/**
 * Applies pending migrations in order, each in its own transaction, recording them
 * in `schema_migrations`. An advisory lock keeps concurrent processes from racing.
 */
export async function runMigrations(sequelize: Sequelize, migrations: Migration[], logger: Logger): Promise<string[]> {
  const names = migrations.map((m) => m.name);
  if (new Set(names).size !== names.length) throw new Error('duplicate migration names');
  const applied: string[] = [];
  await sequelize.transaction(async (lockTx) => {
    // Lock held for the whole run; released with the transaction.
    await sequelize.query('SELECT pg_advisory_xact_lock(727001)', { transaction: lockTx });
    await sequelize.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      { transaction: lockTx },
    );
    const [rows] = await sequelize.query('SELECT name FROM schema_migrations', { transaction: lockTx });
    const done = new Set((rows as Array<{ name: string }>).map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      logger.info({ migration: migration.name }, 'applying migration');
      // Nested transaction = savepoint: one failed migration leaves the earlier ones applied.
      await sequelize.transaction({ transaction: lockTx }, async (transaction) => {
        await migration.up({ sequelize, queryInterface: sequelize.getQueryInterface(), transaction });
        await sequelize.query('INSERT INTO schema_migrations (name) VALUES (:name)', {
          replacements: { name: migration.name },
          transaction,
        });
      });
      applied.push(migration.name);
    }
  });
  return applied;
}

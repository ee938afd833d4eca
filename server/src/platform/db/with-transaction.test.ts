import assert from 'node:assert/strict';
import { Transaction } from 'sequelize';
import { createLogger } from '../logger';
import { createSequelize } from './database';
import { loadConfig } from '../config';
import { resolve } from 'node:path';
import { withTransaction } from './database';

// Medium test: a real PostgreSQL (TEST_PG_URL or the local default), its own scratch table.
const url = `${process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'}/postgres`;

describe('withTransaction (real PostgreSQL)', () => {
  const config = loadConfig({ configDir: resolve(__dirname, '../../../../config'), env: { PT_DATABASE_URL: url } });
  const sequelize = createSequelize(config, createLogger('silent'));
  const table = `shoal_tx_test_${process.pid}`;

  before(async () => {
    await sequelize.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
    await sequelize.query(`INSERT INTO ${table} VALUES (1, 0)`);
  });
  after(async () => {
    await sequelize.query(`DROP TABLE IF EXISTS ${table}`);
    await sequelize.close();
  });

  it('replays a transaction that lost a serialization conflict, so no increment is lost', async () => {
    let attempts = 0;
    const increment = () =>
      withTransaction(
        sequelize,
        async (transaction) => {
          attempts++;
          const [rows] = await sequelize.query(`SELECT n FROM ${table} WHERE id = 1`, { transaction });
          const n = (rows as Array<{ n: number }>)[0].n;
          // Give the concurrent transactions time to read the same value.
          await new Promise((r) => setTimeout(r, 50));
          await sequelize.query(`UPDATE ${table} SET n = :n WHERE id = 1`, { replacements: { n: n + 1 }, transaction });
        },
        { isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE, retries: 10 },
      );
    await Promise.all([increment(), increment(), increment()]);
    const [rows] = await sequelize.query(`SELECT n FROM ${table} WHERE id = 1`);
    assert.equal((rows as Array<{ n: number }>)[0].n, 3);
    assert.ok(attempts > 3, `expected retries, got ${attempts} attempts`);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await assert.rejects(
      withTransaction(sequelize, async (transaction) => {
        attempts++;
        await sequelize.query('SELECT * FROM no_such_table', { transaction });
      }),
    );
    assert.equal(attempts, 1);
  });
});

import { QueryTypes, type Sequelize } from 'sequelize';

export interface RegistrationTokenRow {
  id: number;
  registrationToken: string;
  createdAt: Date;
  updatedAt: Date;
  registeredRunnersCount: number;
}

export interface RunnerRow {
  id: number;
  runnerToken: string;
  name: string;
  description: string | null;
  lastContact: Date;
  ip: string | null;
  version: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const RUNNER_COLUMNS = `id, runner_token AS "runnerToken", name, description, last_contact AS "lastContact", ip, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Sort keys come from a zod whitelist; this maps them to columns. */
function orderBy(sort: string): string {
  const desc = sort.startsWith('-');
  const column = { createdAt: 'created_at' }[desc ? sort.slice(1) : sort] ?? 'created_at';
  return `${column} ${desc ? 'DESC' : 'ASC'}, id ${desc ? 'DESC' : 'ASC'}`;
}

/** Registration tokens and runners (plain SQL: small tables, no associations). */
export function runnerRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });

  return {
    async createRegistrationToken(token: string): Promise<void> {
      await sequelize.query('INSERT INTO runner_registration_tokens (registration_token) VALUES (:token)', { replacements: { token } });
    },

    async listRegistrationTokens(start: number, count: number, sort: string) {
      const [{ total }] = await select<{ total: string }>('SELECT count(*) AS total FROM runner_registration_tokens');
      const data = await select<RegistrationTokenRow>(
        `SELECT t.id, t.registration_token AS "registrationToken", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
                (SELECT count(*)::int FROM runners r WHERE r.runner_registration_token_id = t.id) AS "registeredRunnersCount"
         FROM runner_registration_tokens t ORDER BY ${orderBy(sort)} OFFSET :start LIMIT :count`,
        { start, count },
      );
      return { total: Number(total), data };
    },

    async findRegistrationToken(token: string): Promise<{ id: number } | null> {
      const rows = await select<{ id: number }>('SELECT id FROM runner_registration_tokens WHERE registration_token = :token', { token });
      return rows[0] ?? null;
    },

    async deleteRegistrationToken(id: number): Promise<boolean> {
      const rows = await select<{ id: number }>('DELETE FROM runner_registration_tokens WHERE id = :id RETURNING id', { id });
      return rows.length > 0;
    },

    async nameTaken(name: string): Promise<boolean> {
      return (await select('SELECT 1 FROM runners WHERE name = :name', { name })).length > 0;
    },

    async createRunner(fields: {
      runnerToken: string;
      name: string;
      description: string | null;
      ip: string | null;
      version: string | null;
      registrationTokenId: number;
    }): Promise<number> {
      const [row] = await select<{ id: number }>(
        `INSERT INTO runners (runner_token, name, description, ip, version, runner_registration_token_id)
         VALUES (:runnerToken, :name, :description, :ip, :version, :registrationTokenId) RETURNING id`,
        fields,
      );
      return row!.id;
    },

    async findRunnerByToken(runnerToken: string): Promise<RunnerRow | null> {
      const rows = await select<RunnerRow>(`SELECT ${RUNNER_COLUMNS} FROM runners WHERE runner_token = :runnerToken`, { runnerToken });
      return rows[0] ?? null;
    },

    /** lastContact/ip/version, written at most every 30 s per runner (spec §3.3). */
    async touchRunner(id: number, ip: string | null, version: string | null): Promise<void> {
      await sequelize.query(
        `UPDATE runners SET last_contact = now(), ip = :ip, version = COALESCE(:version, version), updated_at = now()
         WHERE id = :id AND (last_contact < now() - interval '30 seconds' OR version IS DISTINCT FROM COALESCE(:version, version))`,
        { replacements: { id, ip, version } },
      );
    },

    async listRunners(start: number, count: number, sort: string) {
      const [{ total }] = await select<{ total: string }>('SELECT count(*) AS total FROM runners');
      const data = await select<RunnerRow>(`SELECT ${RUNNER_COLUMNS} FROM runners ORDER BY ${orderBy(sort)} OFFSET :start LIMIT :count`, {
        start,
        count,
      });
      return { total: Number(total), data };
    },

    async deleteRunner(id: number): Promise<boolean> {
      const rows = await select<{ id: number }>('DELETE FROM runners WHERE id = :id RETURNING id', { id });
      return rows.length > 0;
    },
  };
}
export type RunnerRepository = ReturnType<typeof runnerRepository>;

import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { RunnerJobState, type RunnerJobListQuery, type RunnerJobType } from '@shoal/models';
import type { RunnerJobPrivatePayload } from './runner-job.types';

export interface RunnerJobRow {
  id: number;
  uuid: string;
  type: RunnerJobType;
  payload: Record<string, unknown>;
  privatePayload: RunnerJobPrivatePayload;
  state: RunnerJobState;
  failures: number;
  error: string | null;
  progress: number | null;
  priority: number;
  processingJobToken: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  videoId: number | null;
  runId: string;
  dependsOnRunnerJobId: number | null;
  runnerId: number | null;
  createdAt: Date;
  updatedAt: Date;
  runnerName: string | null;
  runnerDescription: string | null;
  parentUuid: string | null;
  parentType: RunnerJobType | null;
  parentState: RunnerJobState | null;
}

export interface NewRunnerJob {
  uuid: string;
  type: RunnerJobType;
  payload: object;
  privatePayload: RunnerJobPrivatePayload;
  state: RunnerJobState;
  priority: number;
  videoId: number;
  runId: string;
  dependsOnRunnerJobId: number | null;
}

const JOB_SELECT = `SELECT j.id, j.uuid, j.type, j.payload, j.private_payload AS "privatePayload", j.state, j.failures, j.error,
  j.progress, j.priority, j.processing_job_token AS "processingJobToken", j.started_at AS "startedAt",
  j.finished_at AS "finishedAt", j.video_id AS "videoId", j.run_id AS "runId",
  j.depends_on_runner_job_id AS "dependsOnRunnerJobId", j.runner_id AS "runnerId", j.created_at AS "createdAt",
  j.updated_at AS "updatedAt", r.name AS "runnerName", r.description AS "runnerDescription",
  p.uuid AS "parentUuid", p.type AS "parentType", p.state AS "parentState"
  FROM runner_jobs j LEFT JOIN runners r ON r.id = j.runner_id LEFT JOIN runner_jobs p ON p.id = j.depends_on_runner_job_id`;

const SORT_COLUMNS: Record<string, string> = {
  updatedAt: 'j.updated_at',
  createdAt: 'j.created_at',
  priority: 'j.priority',
  state: 'j.state',
  progress: 'j.progress',
};

/** The runner job table; every state change is one conditional UPDATE, so races resolve in PostgreSQL. */
export function runnerJobRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  const one = async (where: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    (await select<RunnerJobRow>(`${JOB_SELECT} WHERE ${where}`, replacements, transaction))[0] ?? null;

  return {
    async insert(job: NewRunnerJob, transaction?: Transaction): Promise<number> {
      const [row] = await select<{ id: number }>(
        `INSERT INTO runner_jobs (uuid, type, payload, private_payload, state, priority, video_id, run_id, depends_on_runner_job_id)
         VALUES (:uuid, :type, :payload, :privatePayload, :state, :priority, :videoId, :runId, :dependsOnRunnerJobId) RETURNING id`,
        { ...job, payload: JSON.stringify(job.payload), privatePayload: JSON.stringify(job.privatePayload) },
        transaction,
      );
      return row!.id;
    },

    byUuid: (uuid: string, transaction?: Transaction) => one('j.uuid = :uuid', { uuid }, transaction),

    /** The job a runner may act on: its uuid, its current job token and the runner holding it. */
    byTokens: (uuid: string, runnerToken: string, jobToken: string) =>
      one('j.uuid = :uuid AND j.processing_job_token = :jobToken AND r.runner_token = :runnerToken', { uuid, runnerToken, jobToken }),

    async pending(types: string[], limit: number): Promise<RunnerJobRow[]> {
      return select<RunnerJobRow>(
        `${JOB_SELECT} WHERE j.state = :state AND j.type IN (:types) ORDER BY j.priority ASC, j.id ASC LIMIT :limit`,
        {
          state: RunnerJobState.PENDING,
          types,
          limit,
        },
      );
    },

    /** Atomic pending → processing; null when another runner was faster. */
    async accept(id: number, runnerId: number, jobToken: string): Promise<boolean> {
      const rows = await select(
        `UPDATE runner_jobs SET state = :processing, processing_job_token = :jobToken, runner_id = :runnerId, started_at = now(),
           progress = NULL, updated_at = now() WHERE id = :id AND state = :pending RETURNING id`,
        { id, runnerId, jobToken, processing: RunnerJobState.PROCESSING, pending: RunnerJobState.PENDING },
      );
      return rows.length > 0;
    },

    /** Progress and the stall clock; at most every 2 s unless the progress changed. */
    async touch(id: number, progress: number | undefined): Promise<void> {
      await sequelize.query(
        `UPDATE runner_jobs SET progress = COALESCE(:progress, progress), updated_at = now()
         WHERE id = :id AND (updated_at < now() - interval '2 seconds' OR progress IS DISTINCT FROM COALESCE(:progress, progress))`,
        { replacements: { id, progress: progress ?? null } },
      );
    },

    /** Moves a job from one of `from` to `to`; returns false when its state had changed. */
    async transition(id: number, from: RunnerJobState[], to: RunnerJobState, fields: Partial<TransitionFields> = {}): Promise<boolean> {
      const sets = ['state = :to', 'updated_at = now()'];
      if ('error' in fields) sets.push('error = :error');
      if (fields.clearToken) sets.push('processing_job_token = NULL');
      if (fields.resetProcessing) sets.push('runner_id = NULL, started_at = NULL, progress = NULL');
      if (fields.finished) sets.push('finished_at = now(), progress = NULL');
      if (fields.countFailure) sets.push('failures = failures + 1');
      const rows = await select(`UPDATE runner_jobs SET ${sets.join(', ')} WHERE id = :id AND state IN (:from) RETURNING id`, {
        id,
        from,
        to,
        error: fields.error ?? null,
      });
      return rows.length > 0;
    },

    /** Cancels every open job of one type; returns their uuids. */
    async cancelOpenOfType(type: string, open: RunnerJobState[]): Promise<string[]> {
      const rows = await select(
        `UPDATE runner_jobs SET state = :cancelled, processing_job_token = NULL, finished_at = now(), progress = NULL, updated_at = now()
         WHERE type = :type AND state IN (:open) RETURNING uuid`,
        { type, open, cancelled: RunnerJobState.CANCELLED },
      );
      return rows.map((r) => (r as { uuid: string }).uuid);
    },

    async setPrivatePayload(id: number, privatePayload: RunnerJobPrivatePayload): Promise<void> {
      await sequelize.query('UPDATE runner_jobs SET private_payload = :p WHERE id = :id', {
        replacements: { id, p: JSON.stringify(privatePayload) },
      });
    },

    /** Children waiting for `parentId` become pending; returns how many. */
    async releaseChildren(parentId: number): Promise<number> {
      const rows = await select(
        'UPDATE runner_jobs SET state = :pending, updated_at = now() WHERE depends_on_runner_job_id = :parentId AND state = :waiting RETURNING id',
        {
          parentId,
          pending: RunnerJobState.PENDING,
          waiting: RunnerJobState.WAITING_FOR_PARENT_JOB,
        },
      );
      return rows.length;
    },

    /** Every descendant (any depth) still waiting/pending gets `to` (parent errored or cancelled). */
    async cascade(parentId: number, to: RunnerJobState): Promise<void> {
      await sequelize.query(
        `WITH RECURSIVE tree AS (SELECT id FROM runner_jobs WHERE depends_on_runner_job_id = :parentId
           UNION SELECT j.id FROM runner_jobs j JOIN tree t ON j.depends_on_runner_job_id = t.id)
         UPDATE runner_jobs SET state = :to, processing_job_token = NULL, updated_at = now()
         WHERE id IN (SELECT id FROM tree) AND state IN (:open)`,
        {
          replacements: { parentId, to, open: [RunnerJobState.PENDING, RunnerJobState.WAITING_FOR_PARENT_JOB, RunnerJobState.PROCESSING] },
        },
      );
    },

    byRun: (runId: string) => select<RunnerJobRow>(`${JOB_SELECT} WHERE j.run_id = :runId ORDER BY j.id`, { runId }),

    /** Claims a finished run for publication exactly once, whichever success request ends last. */
    async claimRun(runId: string): Promise<boolean> {
      const rows = await select(
        `UPDATE runner_jobs SET private_payload = private_payload || '{"published": true}'::jsonb
         WHERE id = (SELECT min(id) FROM runner_jobs WHERE run_id = :runId) AND NOT (private_payload ? 'published')
           AND NOT EXISTS (SELECT 1 FROM runner_jobs WHERE run_id = :runId AND state <> :completed) RETURNING id`,
        { runId, completed: RunnerJobState.COMPLETED },
      );
      return rows.length > 0;
    },

    openByVideo: (videoId: number) =>
      select<RunnerJobRow>(`${JOB_SELECT} WHERE j.video_id = :videoId AND j.state IN (:open)`, {
        videoId,
        open: [RunnerJobState.PENDING, RunnerJobState.PROCESSING, RunnerJobState.WAITING_FOR_PARENT_JOB],
      }),

    stalled: (types: string[], olderThanMs: number) =>
      select<RunnerJobRow>(
        `${JOB_SELECT} WHERE j.state = :processing AND j.type IN (:types) AND j.updated_at < now() - (:ms || ' milliseconds')::interval`,
        { processing: RunnerJobState.PROCESSING, types, ms: String(olderThanMs) },
      ),

    async list(q: RunnerJobListQuery): Promise<{ total: number; data: RunnerJobRow[] }> {
      const where: string[] = ['TRUE'];
      if (q.search) where.push(`(j.uuid::text = :search OR j.type ILIKE :like OR r.name ILIKE :like)`);
      if (q.stateOneOf?.length) where.push('j.state IN (:states)');
      if (q.typeOneOf?.length) where.push('j.type IN (:types)');
      const repl = {
        search: q.search,
        like: `%${q.search ?? ''}%`,
        states: q.stateOneOf,
        types: q.typeOneOf,
        start: q.start,
        count: q.count,
      };
      const desc = q.sort.startsWith('-');
      const column = SORT_COLUMNS[desc ? q.sort.slice(1) : q.sort] ?? 'j.updated_at';
      const filter = where.join(' AND ');
      const [{ total }] = await select<{ total: string }>(
        `SELECT count(*) AS total FROM runner_jobs j LEFT JOIN runners r ON r.id = j.runner_id WHERE ${filter}`,
        repl,
      );
      const data = await select<RunnerJobRow>(
        `${JOB_SELECT} WHERE ${filter} ORDER BY ${column} ${desc ? 'DESC' : 'ASC'}, j.id OFFSET :start LIMIT :count`,
        repl,
      );
      return { total: Number(total), data };
    },

    async remove(id: number): Promise<void> {
      await sequelize.query('DELETE FROM runner_jobs WHERE id = :id', { replacements: { id } });
    },
  };
}
export type RunnerJobRepository = ReturnType<typeof runnerJobRepository>;

export interface TransitionFields {
  error: string | null;
  clearToken: boolean;
  resetProcessing: boolean;
  finished: boolean;
  countFailure: boolean;
}

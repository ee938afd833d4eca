import type { Migration } from '../platform/db';

/** Remote runners: registration tokens, runners and the runner job state machine. */
export const migration: Migration = {
  name: '0005-runners',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      CREATE TABLE runner_registration_tokens (
        id serial PRIMARY KEY,
        registration_token varchar(1000) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Deleting a registration token deletes the runners registered with it (PeerTube).
      CREATE TABLE runners (
        id serial PRIMARY KEY,
        runner_token varchar(1000) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        description varchar(1000),
        last_contact timestamptz NOT NULL DEFAULT now(),
        ip varchar(100),
        version varchar(50),
        runner_registration_token_id integer NOT NULL REFERENCES runner_registration_tokens (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- video_id has no foreign key on purpose: jobs of a deleted video stay visible to
      -- admins as cancelled. updated_at is the stall clock of the watchdog.
      CREATE TABLE runner_jobs (
        id serial PRIMARY KEY,
        uuid uuid NOT NULL UNIQUE,
        type varchar(100) NOT NULL,
        payload jsonb NOT NULL,
        private_payload jsonb NOT NULL,
        state smallint NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        error text,
        progress smallint,
        priority integer NOT NULL,
        processing_job_token varchar(1000) UNIQUE,
        started_at timestamptz,
        finished_at timestamptz,
        video_id integer,
        run_id uuid NOT NULL,
        depends_on_runner_job_id integer REFERENCES runner_jobs (id) ON DELETE CASCADE,
        runner_id integer REFERENCES runners (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX runner_jobs_state_priority ON runner_jobs (state, priority);
      CREATE INDEX runner_jobs_video_id ON runner_jobs (video_id);
      CREATE INDEX runner_jobs_run_id ON runner_jobs (run_id);
      CREATE INDEX runner_jobs_parent ON runner_jobs (depends_on_runner_job_id);
      `,
      { transaction },
    );
  },
};

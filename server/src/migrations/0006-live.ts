import type { Migration } from '../platform/db';

/** Lives: per-video live settings (stream key…) and the history of live sessions. */
export const migration: Migration = {
  name: '0006-live',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      CREATE TABLE video_lives (
        id serial PRIMARY KEY,
        video_id integer NOT NULL UNIQUE REFERENCES videos(id) ON DELETE CASCADE,
        stream_key uuid NOT NULL UNIQUE,
        save_replay boolean NOT NULL DEFAULT false,
        replay_privacy smallint,
        permanent_live boolean NOT NULL DEFAULT false,
        latency_mode smallint NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- live_video_id: the live the session belongs to (null once that live is deleted);
      -- replay_video_id: the VOD made from it. Both outlive each other (PeerTube).
      CREATE TABLE video_live_sessions (
        id serial PRIMARY KEY,
        live_video_id integer REFERENCES videos(id) ON DELETE SET NULL,
        replay_video_id integer REFERENCES videos(id) ON DELETE SET NULL,
        start_date timestamptz NOT NULL,
        end_date timestamptz,
        error smallint,
        save_replay boolean NOT NULL,
        replay_privacy smallint,
        ending_processed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX video_live_sessions_live_video_id ON video_live_sessions (live_video_id);
      CREATE INDEX video_live_sessions_replay_video_id ON video_live_sessions (replay_video_id);
      CREATE INDEX video_live_sessions_open ON video_live_sessions (ending_processed) WHERE ending_processed = false;
      `,
      { transaction },
    );
  },
};

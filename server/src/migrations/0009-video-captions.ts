import type { Migration } from '../platform/db';

/** Captions (subtitles) of videos: one WebVTT file per video and language. */
export const migration: Migration = {
  name: '0009-video-captions',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      -- No foreign key on purpose: the files of a deleted video's captions are removed after the
      -- video row is gone (also when a user deletion cascades), found through these rows.
      CREATE TABLE video_captions (
        id serial PRIMARY KEY,
        video_id integer NOT NULL,
        language varchar(20) NOT NULL,
        -- Local captions: the random file name under the captions folder. Remote ones: null.
        filename varchar(255) UNIQUE,
        -- Remote captions: the origin's .vtt URL (never downloaded). Local ones: null.
        file_url varchar(2000),
        automatically_generated boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (video_id, language),
        CHECK ((filename IS NULL) <> (file_url IS NULL))
      );
      `,
      { transaction },
    );
  },
};

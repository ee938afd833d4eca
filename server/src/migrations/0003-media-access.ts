import type { Migration } from '../platform/db';

/** Instance secrets (video file token key) and the look-ups media requests make by file name. */
export const migration: Migration = {
  name: '0003-media-access',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      -- Random keys created once and shared by every process of the instance, so what one
      -- process signs another accepts, across restarts.
      CREATE TABLE server_secrets (
        name varchar(100) PRIMARY KEY,
        value varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- Media URLs carry file names, not video ids: every private file request and every
      -- thumbnail request finds its video through one of these.
      CREATE INDEX videos_thumbnail_filename ON videos (thumbnail_filename);
      CREATE INDEX videos_preview_filename ON videos (preview_filename);
      CREATE INDEX video_files_filename ON video_files (filename);
      CREATE INDEX video_sources_keep_filename ON video_sources (keep_filename);
      `,
      { transaction },
    );
  },
};

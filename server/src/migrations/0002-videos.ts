import type { Migration } from '../platform/db';

/** Videos, their sources and files, passwords, chapters, ratings and upload sessions. */
export const migration: Migration = {
  name: '0002-videos',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      -- array_to_string is only STABLE; tags are plain text so wrapping it as IMMUTABLE is safe.
      CREATE FUNCTION shoal_tags_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT array_to_string($1, ' ') $$;

      CREATE TABLE videos (
        id serial PRIMARY KEY,
        uuid uuid NOT NULL UNIQUE,
        url varchar(2000) NOT NULL UNIQUE,
        name varchar(120) NOT NULL,
        category integer,
        licence integer,
        language varchar(10),
        privacy smallint NOT NULL,
        nsfw boolean NOT NULL DEFAULT false,
        description text,
        support text,
        tags text[] NOT NULL DEFAULT '{}',
        duration integer NOT NULL DEFAULT 0,
        aspect_ratio real,
        views integer NOT NULL DEFAULT 0,
        likes integer NOT NULL DEFAULT 0,
        dislikes integer NOT NULL DEFAULT 0,
        state smallint NOT NULL,
        wait_transcoding boolean NOT NULL DEFAULT false,
        comments_policy smallint NOT NULL DEFAULT 1,
        download_enabled boolean NOT NULL DEFAULT true,
        is_live boolean NOT NULL DEFAULT false,
        remote boolean NOT NULL DEFAULT false,
        channel_id integer NOT NULL REFERENCES video_channels(id) ON DELETE CASCADE,
        thumbnail_filename varchar(255),
        preview_filename varchar(255),
        -- true when the owner uploaded the images: transcoding must not overwrite them
        custom_thumbnail boolean NOT NULL DEFAULT false,
        custom_preview boolean NOT NULL DEFAULT false,
        transcoding_error text,
        originally_published_at timestamptz,
        published_at timestamptz NOT NULL DEFAULT now(),
        input_file_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
          setweight(to_tsvector('simple', shoal_tags_text(tags)), 'B') ||
          setweight(to_tsvector('simple', coalesce(description, '')), 'C')
        ) STORED
      );
      CREATE INDEX videos_channel_id ON videos (channel_id);
      CREATE INDEX videos_published_at ON videos (published_at DESC);
      CREATE INDEX videos_views ON videos (views DESC);
      CREATE INDEX videos_search_vector ON videos USING gin (search_vector);
      CREATE INDEX videos_name_trgm ON videos USING gin (lower(name) gin_trgm_ops);
      CREATE INDEX videos_tags ON videos USING gin (tags);

      -- The uploaded original of each version of a video; the newest row is current.
      CREATE TABLE video_sources (
        id serial PRIMARY KEY,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        input_filename varchar(255) NOT NULL,
        keep_filename varchar(255),
        size bigint NOT NULL,
        resolution integer NOT NULL DEFAULT 0,
        width integer NOT NULL DEFAULT 0,
        height integer NOT NULL DEFAULT 0,
        fps real NOT NULL DEFAULT 0,
        duration real NOT NULL DEFAULT 0,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX video_sources_video_id ON video_sources (video_id);

      CREATE TABLE video_streaming_playlists (
        id serial PRIMARY KEY,
        video_id integer NOT NULL UNIQUE REFERENCES videos(id) ON DELETE CASCADE,
        type smallint NOT NULL DEFAULT 1,
        playlist_filename varchar(255) NOT NULL,
        segments_sha256_filename varchar(255) NOT NULL,
        playlist_url varchar(2000),
        segments_sha256_url varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- streaming_playlist_id NULL = progressive "web video" MP4.
      CREATE TABLE video_files (
        id serial PRIMARY KEY,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        streaming_playlist_id integer REFERENCES video_streaming_playlists(id) ON DELETE CASCADE,
        resolution integer NOT NULL,
        width integer NOT NULL DEFAULT 0,
        height integer NOT NULL DEFAULT 0,
        size bigint NOT NULL,
        fps real NOT NULL DEFAULT 0,
        filename varchar(255) NOT NULL,
        playlist_filename varchar(255),
        has_audio boolean NOT NULL DEFAULT true,
        has_video boolean NOT NULL DEFAULT true,
        file_url varchar(2000),
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX video_files_video_id ON video_files (video_id);

      CREATE TABLE video_passwords (
        id serial PRIMARY KEY,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        password varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (video_id, password)
      );

      CREATE TABLE video_chapters (
        id serial PRIMARY KEY,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        timecode integer NOT NULL,
        title varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (video_id, timecode)
      );

      CREATE TABLE video_rates (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        type varchar(10) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, video_id)
      );

      -- Resumable uploads survive restarts: the session lives here, the bytes in tmp/.
      CREATE TABLE upload_sessions (
        id varchar(64) PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL,
        video_id integer REFERENCES videos(id) ON DELETE CASCADE,
        fingerprint varchar(500) NOT NULL,
        metadata jsonb NOT NULL,
        filename varchar(255) NOT NULL,
        mime_type varchar(255) NOT NULL,
        size bigint NOT NULL,
        received bigint NOT NULL DEFAULT 0,
        status varchar(20) NOT NULL DEFAULT 'uploading',
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX upload_sessions_user ON upload_sessions (user_id, fingerprint);
      `,
      { transaction },
    );
  },
};

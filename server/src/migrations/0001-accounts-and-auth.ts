import type { Migration } from '../platform/db';

/** Users, OAuth, and the actors (accounts and channels) that federation will expose. */
export const migration: Migration = {
  name: '0001-accounts-and-auth',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS unaccent;

      CREATE TABLE users (
        id serial PRIMARY KEY,
        username varchar(50) NOT NULL,
        email varchar(400) NOT NULL,
        pending_email varchar(400),
        email_verified boolean,
        password_hash text NOT NULL,
        role smallint NOT NULL DEFAULT 2,
        admin_flags integer NOT NULL DEFAULT 0,
        video_quota bigint NOT NULL DEFAULT -1,
        video_quota_daily bigint NOT NULL DEFAULT -1,
        blocked boolean NOT NULL DEFAULT false,
        blocked_reason text,
        nsfw_policy varchar(20) NOT NULL DEFAULT 'display',
        p2p_enabled boolean NOT NULL DEFAULT true,
        auto_play_video boolean NOT NULL DEFAULT true,
        auto_play_next_video boolean NOT NULL DEFAULT false,
        auto_play_next_video_playlist boolean NOT NULL DEFAULT true,
        videos_history_enabled boolean NOT NULL DEFAULT true,
        video_languages jsonb,
        language varchar(20),
        theme varchar(100) NOT NULL DEFAULT 'instance-default',
        no_instance_config_warning_modal boolean NOT NULL DEFAULT false,
        no_welcome_modal boolean NOT NULL DEFAULT false,
        no_account_setup_warning_modal boolean NOT NULL DEFAULT false,
        last_login_date timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_username_key ON users (lower(username));
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE oauth_clients (
        id serial PRIMARY KEY,
        client_id varchar(64) NOT NULL UNIQUE,
        client_secret varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Tokens are stored as SHA-256 hashes: a database dump does not give sessions away.
      CREATE TABLE oauth_tokens (
        id serial PRIMARY KEY,
        access_token_hash char(64) NOT NULL UNIQUE,
        access_token_expires_at timestamptz NOT NULL,
        refresh_token_hash char(64) NOT NULL UNIQUE,
        refresh_token_expires_at timestamptz NOT NULL,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        oauth_client_id integer NOT NULL REFERENCES oauth_clients(id) ON DELETE CASCADE,
        login_date timestamptz NOT NULL DEFAULT now(),
        login_ip varchar(64),
        login_device text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX oauth_tokens_user_id ON oauth_tokens (user_id);

      -- Accounts (Person), channels (Group) and the instance (Application) are actors.
      CREATE TABLE actors (
        id serial PRIMARY KEY,
        type varchar(20) NOT NULL,
        preferred_username varchar(255) NOT NULL,
        url varchar(2000) NOT NULL UNIQUE,
        host varchar(255),
        public_key text,
        private_key text,
        inbox_url varchar(2000) NOT NULL,
        outbox_url varchar(2000) NOT NULL,
        shared_inbox_url varchar(2000),
        followers_url varchar(2000) NOT NULL,
        following_url varchar(2000) NOT NULL,
        followers_count integer NOT NULL DEFAULT 0,
        following_count integer NOT NULL DEFAULT 0,
        remote_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Accounts and channels share one name space per host.
      CREATE UNIQUE INDEX actors_handle_key ON actors (lower(preferred_username), coalesce(host, ''));

      CREATE TABLE actor_images (
        id serial PRIMARY KEY,
        actor_id integer NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        type smallint NOT NULL,
        filename varchar(255) NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        file_url varchar(2000),
        on_disk boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX actor_images_actor_id ON actor_images (actor_id, type);

      CREATE TABLE accounts (
        id serial PRIMARY KEY,
        actor_id integer NOT NULL UNIQUE REFERENCES actors(id) ON DELETE CASCADE,
        user_id integer UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        display_name varchar(120) NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE video_channels (
        id serial PRIMARY KEY,
        actor_id integer NOT NULL UNIQUE REFERENCES actors(id) ON DELETE CASCADE,
        account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        display_name varchar(120) NOT NULL,
        description text,
        support text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX video_channels_account_id ON video_channels (account_id);
      `,
      { transaction },
    );
  },
};

import type { Migration } from '../platform/db';

/**
 * Comments, watched words and automatic tags, abuse reports, video blocks, blocklists,
 * notifications and registration requests (issue 7).
 */
export const migration: Migration = {
  name: '0004-comments-and-moderation',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      -- Roots have origin_comment_id NULL. Text is the author's raw text; HTML is rendered on read
      -- so that a sanitizer fix protects old comments too. account_id NULL = tombstone.
      CREATE TABLE video_comments (
        id serial PRIMARY KEY,
        url varchar(2000) UNIQUE,
        text text NOT NULL,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        origin_comment_id integer REFERENCES video_comments(id) ON DELETE CASCADE,
        in_reply_to_comment_id integer REFERENCES video_comments(id) ON DELETE CASCADE,
        held_for_review boolean NOT NULL DEFAULT false,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX video_comments_video_root ON video_comments (video_id, created_at) WHERE origin_comment_id IS NULL;
      CREATE INDEX video_comments_origin ON video_comments (origin_comment_id);
      CREATE INDEX video_comments_in_reply_to ON video_comments (in_reply_to_comment_id);
      CREATE INDEX video_comments_account ON video_comments (account_id);

      -- account_id NULL = the instance's lists.
      CREATE TABLE watched_words_lists (
        id serial PRIMARY KEY,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        list_name varchar(100) NOT NULL,
        words jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX watched_words_lists_name ON watched_words_lists (coalesce(account_id, 0), lower(list_name));

      -- Tags computed when a comment is created, per scope: the instance (account_id NULL)
      -- and the video owner's account, each from its own watched-words lists.
      CREATE TABLE comment_automatic_tags (
        comment_id integer NOT NULL REFERENCES video_comments(id) ON DELETE CASCADE,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL
      );
      CREATE UNIQUE INDEX comment_automatic_tags_key ON comment_automatic_tags (comment_id, coalesce(account_id, 0), name);

      -- Per-account policies; today only "review" (hold the comment) exists.
      CREATE TABLE automatic_tag_policies (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        policy smallint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, name, policy)
      );

      -- One table for the three kinds; the snapshot keeps what a moderator must still
      -- read after the video or comment is gone.
      CREATE TABLE abuses (
        id serial PRIMARY KEY,
        kind varchar(10) NOT NULL,
        reason text NOT NULL,
        predefined_reasons text[] NOT NULL DEFAULT '{}',
        reporter_account_id integer REFERENCES accounts(id) ON DELETE SET NULL,
        flagged_account_id integer REFERENCES accounts(id) ON DELETE SET NULL,
        video_id integer REFERENCES videos(id) ON DELETE SET NULL,
        comment_id integer REFERENCES video_comments(id) ON DELETE SET NULL,
        start_at integer,
        end_at integer,
        snapshot jsonb NOT NULL DEFAULT '{}',
        state smallint NOT NULL DEFAULT 1,
        moderation_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX abuses_reporter ON abuses (reporter_account_id);
      CREATE INDEX abuses_flagged ON abuses (flagged_account_id);
      CREATE INDEX abuses_video ON abuses (video_id);

      CREATE TABLE abuse_messages (
        id serial PRIMARY KEY,
        abuse_id integer NOT NULL REFERENCES abuses(id) ON DELETE CASCADE,
        account_id integer REFERENCES accounts(id) ON DELETE SET NULL,
        message text NOT NULL,
        by_moderator boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX abuse_messages_abuse ON abuse_messages (abuse_id);

      CREATE TABLE video_blacklist (
        id serial PRIMARY KEY,
        video_id integer NOT NULL UNIQUE REFERENCES videos(id) ON DELETE CASCADE,
        reason text,
        unfederated boolean NOT NULL DEFAULT false,
        type smallint NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- account_id NULL = blocked by the instance; otherwise muted by that account.
      CREATE TABLE account_blocklist (
        id serial PRIMARY KEY,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        target_account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX account_blocklist_key ON account_blocklist (coalesce(account_id, 0), target_account_id);
      CREATE INDEX account_blocklist_target ON account_blocklist (target_account_id);

      CREATE TABLE server_blocklist (
        id serial PRIMARY KEY,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        host varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX server_blocklist_key ON server_blocklist (coalesce(account_id, 0), lower(host));

      CREATE TABLE user_registrations (
        id serial PRIMARY KEY,
        state smallint NOT NULL DEFAULT 1,
        registration_reason text NOT NULL,
        moderation_response text,
        username varchar(50) NOT NULL,
        email varchar(400) NOT NULL,
        email_verified boolean,
        password_hash text NOT NULL,
        account_display_name varchar(120),
        channel_handle varchar(50),
        channel_display_name varchar(120),
        user_id integer REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX user_registrations_username ON user_registrations (lower(username));
      CREATE UNIQUE INDEX user_registrations_email ON user_registrations (lower(email));

      -- Missing keys take the defaults of @shoal/models, so new settings need no migration.
      CREATE TABLE user_notification_settings (
        user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- A notification dies with what it points to.
      CREATE TABLE user_notifications (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type smallint NOT NULL,
        read boolean NOT NULL DEFAULT false,
        video_id integer REFERENCES videos(id) ON DELETE CASCADE,
        comment_id integer REFERENCES video_comments(id) ON DELETE CASCADE,
        abuse_id integer REFERENCES abuses(id) ON DELETE CASCADE,
        video_blacklist_id integer REFERENCES video_blacklist(id) ON DELETE CASCADE,
        account_id integer REFERENCES accounts(id) ON DELETE CASCADE,
        registration_id integer REFERENCES user_registrations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX user_notifications_user ON user_notifications (user_id, created_at DESC);
      `,
      { transaction },
    );
  },
};

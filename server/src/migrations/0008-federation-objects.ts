import type { Migration } from '../platform/db';

/** What federating videos, rates and shares needs on top of the video tables. */
export const migration: Migration = {
  name: '0008-federation-objects',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      -- Local videos other instances were told about. No foreign key on purpose: the row must
      -- outlive the video so its Delete can still be addressed after the video is gone.
      CREATE TABLE federated_videos (
        video_id integer PRIMARY KEY,
        url varchar(2000) NOT NULL,
        account_actor_id integer NOT NULL,
        channel_actor_id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Announces of videos (ours by channels and the instance actor, and remote ones), keyed by the Announce id.
      CREATE TABLE video_shares (
        id serial PRIMARY KEY,
        url varchar(2000) NOT NULL UNIQUE,
        actor_id integer NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        video_id integer NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (actor_id, video_id)
      );
      CREATE INDEX video_shares_video ON video_shares (video_id);

      -- Our deleted comments: their Delete stays dereferenceable, because instances that get it
      -- forwarded by the video's origin fetch it again from us before applying it.
      CREATE TABLE ap_tombstones (
        url varchar(2000) PRIMARY KEY,
        actor_url varchar(2000) NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now()
      );

      -- Remote rates are keyed by their Like/Dislike activity id; local ones derive it.
      ALTER TABLE video_rates ADD COLUMN url varchar(2000) UNIQUE;
      `,
      { transaction },
    );
  },
};

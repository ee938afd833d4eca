import type { Migration } from '../platform/db';

/** Follows between actors (subscriptions, instance follows) and a host index on actors. */
export const migration: Migration = {
  name: '0007-federation-core',
  async up({ sequelize, transaction }) {
    await sequelize.query(
      `
      -- PeerTube's actorFollow: the follower's request, its state, and a reachability score.
      CREATE TABLE actor_follows (
        id serial PRIMARY KEY,
        actor_id integer NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        target_actor_id integer NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        state varchar(16) NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
        score integer NOT NULL DEFAULT 1000,
        -- The Follow activity id (ours for outgoing follows, the remote one for incoming).
        url varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (actor_id, target_actor_id)
      );
      CREATE INDEX actor_follows_target ON actor_follows (target_actor_id, state);

      -- Instance blocklists and delivery look actors up by host.
      CREATE INDEX IF NOT EXISTS actors_host ON actors (host);
      `,
      { transaction },
    );
  },
};

import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { FollowState } from '@shoal/models';
import { ActorModel } from '../../actors';
import { ActorFollowModel } from './actor-follow.model';

export const actorFollowRepository = {
  find(actorId: number, targetActorId: number, transaction?: Transaction): Promise<ActorFollowModel | null> {
    return ActorFollowModel.findOne({ where: { actorId, targetActorId }, transaction });
  },

  /** Creates or resets a follow; returns the row and whether it was already accepted before. */
  async upsert(
    actorId: number,
    targetActorId: number,
    state: FollowState,
    url: string | null,
    transaction: Transaction,
  ): Promise<{ follow: ActorFollowModel; wasAccepted: boolean }> {
    const existing = await ActorFollowModel.findOne({ where: { actorId, targetActorId }, transaction, lock: transaction.LOCK.UPDATE });
    if (existing) {
      const wasAccepted = existing.state === 'accepted';
      await existing.update({ state: wasAccepted ? 'accepted' : state, url: url ?? existing.url }, { transaction });
      return { follow: existing, wasAccepted };
    }
    const follow = await ActorFollowModel.create({ actorId, targetActorId, state, url }, { transaction });
    return { follow, wasAccepted: false };
  },

  /** Keeps the denormalised counters of both actors right after any change. */
  async recount(sequelize: Sequelize, actorIds: number[], transaction?: Transaction): Promise<void> {
    await sequelize.query(
      `UPDATE actors a SET
         followers_count = (SELECT count(*) FROM actor_follows f WHERE f.target_actor_id = a.id AND f.state = 'accepted'),
         following_count = (SELECT count(*) FROM actor_follows f WHERE f.actor_id = a.id AND f.state = 'accepted')
       WHERE a.id IN (:ids) AND a.host IS NULL`,
      { replacements: { ids: actorIds }, transaction },
    );
  },

  /** Distinct inboxes of the accepted remote followers of some actors (shared inbox when offered). */
  /** Targets (any state) of the follows made by these actors. */
  async followedActorIdsOf(sequelize: Sequelize, actorIds: number[]): Promise<number[]> {
    if (!actorIds.length) return [];
    const rows = await sequelize.query<{ id: number }>(
      'SELECT DISTINCT target_actor_id AS id FROM actor_follows WHERE actor_id IN (:ids)',
      { replacements: { ids: actorIds }, type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.id);
  },

  async followerInboxes(sequelize: Sequelize, targetActorIds: number[], exceptActorIds: number[]): Promise<string[]> {
    if (!targetActorIds.length) return [];
    const rows = await sequelize.query<{ inbox: string }>(
      `SELECT DISTINCT coalesce(a.shared_inbox_url, a.inbox_url) AS inbox
         FROM actor_follows f JOIN actors a ON a.id = f.actor_id
        WHERE f.target_actor_id IN (:targets) AND f.state = 'accepted' AND a.host IS NOT NULL
          AND a.id NOT IN (:except)`,
      { replacements: { targets: targetActorIds, except: exceptActorIds.length ? exceptActorIds : [0] }, type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.inbox);
  },

  /**
   * Reachability score of follows whose follower is reached through `inbox` (PeerTube: base 1000,
   * +10/-10 per delivery, at most 10000). Follows that fall to 0 are deleted: the follower is gone.
   */
  async adjustScoreByInbox(sequelize: Sequelize, inbox: string, delta: number): Promise<void> {
    await sequelize.query(
      `UPDATE actor_follows f SET score = least(10000, f.score + :delta)
         FROM actors a
        WHERE a.id = f.actor_id AND a.host IS NOT NULL AND :inbox IN (a.shared_inbox_url, a.inbox_url)`,
      { replacements: { inbox, delta } },
    );
    if (delta < 0) await sequelize.query('DELETE FROM actor_follows WHERE score <= 0');
  },

  async followedActorIds(actorId: number, state: FollowState = 'accepted'): Promise<number[]> {
    const rows = await ActorFollowModel.findAll({ where: { actorId, state }, attributes: ['targetActorId'] });
    return rows.map((r) => r.targetActorId);
  },

  async followerActorIds(targetActorId: number, state: FollowState = 'accepted'): Promise<number[]> {
    const rows = await ActorFollowModel.findAll({ where: { targetActorId, state }, attributes: ['actorId'] });
    return rows.map((r) => r.actorId);
  },

  /** Paged follows with both actors, for the admin lists and collections. */
  list(opts: {
    actorId?: number;
    targetActorId?: number;
    state?: FollowState;
    targetType?: string;
    followerType?: string;
    start: number;
    count: number;
    order: 'ASC' | 'DESC';
  }) {
    const where: Record<string, unknown> = {};
    if (opts.actorId !== undefined) where.actorId = opts.actorId;
    if (opts.targetActorId !== undefined) where.targetActorId = opts.targetActorId;
    if (opts.state) where.state = opts.state;
    return ActorFollowModel.findAndCountAll({
      where,
      include: [
        { model: ActorModel, as: 'actor', required: true, where: opts.followerType ? { type: opts.followerType } : undefined },
        { model: ActorModel, as: 'target', required: true, where: opts.targetType ? { type: opts.targetType } : undefined },
      ],
      offset: opts.start,
      limit: opts.count,
      order: [
        ['createdAt', opts.order],
        ['id', opts.order],
      ],
    });
  },
};

import { Op } from 'sequelize';
import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { ActorModel } from '../../actors';
import type { DeliveryService } from '../delivery/delivery.service';
import { activityId } from '../urls';
import { ActorFollowModel } from './actor-follow.model';

/** How often the scheduler looks for stale pending follows: the interval itself, at most hourly. */
export function pendingFollowsCheckEvery(intervalMs: number): number {
  return Math.max(1000, Math.min(intervalMs, 3_600_000));
}

/**
 * Our follows of remote actors that never got an Accept (lost delivery, a server down for
 * longer than our retries) are sent again once they are older than
 * `federation.pending_follow_resend_interval`; the same Follow id, so the target treats it as one.
 */
export function resendPendingFollowsJob(ctx: AppContext, delivery: DeliveryService) {
  return defineJob({
    name: 'federation-resend-pending-follows',
    attempts: 1,
    async handler() {
      const before = new Date(ctx.now().getTime() - ctx.config.federation.pending_follow_resend_interval);
      const stale = await ActorFollowModel.findAll({ where: { state: 'pending', updatedAt: { [Op.lt]: before } }, limit: 500 });
      for (const follow of stale) {
        const [follower, target] = await Promise.all([ActorModel.findByPk(follow.actorId), ActorModel.findByPk(follow.targetActorId)]);
        // Only outgoing follows: pending incoming ones wait for an administrator.
        if (!follower || !target || follower.host !== null || target.host === null) continue;
        const id = follow.url ?? activityId.follow(follower.url, target.id);
        // Touch first: a slow delivery must not get the same follow re-sent by the next run.
        follow.changed('updatedAt', true);
        await follow.save();
        await delivery.sendTo(
          follower.id,
          [target.id],
          { type: 'Follow', id, actor: follower.url, object: target.url },
          { personal: true, orderKey: id },
        );
        ctx.logger.info({ follow: id }, 'pending follow sent again');
      }
    },
  });
}

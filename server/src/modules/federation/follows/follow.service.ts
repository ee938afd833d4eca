import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { ActorModel } from '../../actors';
import type { LocalActors } from '../actors/local-actors';
import type { DeliveryService } from '../delivery/delivery.service';
import { isActorBlocked } from '../inbox/blocked';
import { activityId } from '../urls';
import type { ActorFollowModel } from './actor-follow.model';
import { actorFollowRepository as repo } from './actor-follow.repository';

/**
 * Follow state machine on both sides. Outgoing: pending → accepted/rejected by the target (local
 * targets answer at once, without HTTP). Incoming: auto-accepted, except instance follows under
 * `followers.instance.manual_approval`.
 */
export class FollowService {
  constructor(
    private readonly ctx: AppContext,
    private readonly actors: LocalActors,
    private readonly delivery: DeliveryService,
  ) {}

  private followActivity(follower: ActorModel, target: ActorModel, id: string) {
    return { type: 'Follow', id, actor: follower.url, object: target.url };
  }

  /** A local actor follows `target` (local or remote). Idempotent. */
  async follow(follower: ActorModel, target: ActorModel): Promise<ActorFollowModel> {
    if (follower.id === target.id) throw AppError.badRequest('An actor cannot follow itself');
    const local = target.host === null;
    const id = activityId.follow(follower.url, target.id);
    const { follow, wasAccepted } = await this.ctx.sequelize.transaction((t) =>
      repo.upsert(follower.id, target.id, local ? 'accepted' : 'pending', id, t),
    );
    await repo.recount(this.ctx.sequelize, [follower.id, target.id]);
    if (!local && !wasAccepted) {
      await this.delivery.sendTo(follower.id, [target.id], this.followActivity(follower, target, id), { personal: true, orderKey: id });
    }
    return follow;
  }

  /** A local actor stops following `target`; remote targets get an `Undo`. */
  async unfollow(follow: ActorFollowModel): Promise<void> {
    const [follower, target] = await Promise.all([ActorModel.findByPk(follow.actorId), ActorModel.findByPk(follow.targetActorId)]);
    await follow.destroy();
    if (!follower || !target) return;
    await repo.recount(this.ctx.sequelize, [follower.id, target.id]);
    if (target.host !== null && follower.host === null) {
      const followId = follow.url ?? activityId.follow(follower.url, target.id);
      const undo = {
        type: 'Undo',
        id: activityId.undo(followId),
        actor: follower.url,
        object: this.followActivity(follower, target, followId),
      };
      await this.delivery.sendTo(follower.id, [target.id], undo, { personal: true, orderKey: followId });
    }
  }

  /** A remote `Follow` of a local actor: stored, then accepted, rejected, or left pending for an admin. */
  async receiveFollow(follower: ActorModel, target: ActorModel, followUrl: string): Promise<void> {
    const { followers } = this.ctx.config;
    const isInstance = target.type === 'Application';
    const refused =
      (isInstance && !followers.instance.enabled) ||
      (!isInstance && !followers.channels.enabled) ||
      (await isActorBlocked(follower)) ||
      (await repo.find(follower.id, target.id))?.state === 'rejected';
    if (refused) {
      await this.sendReject(target, follower, followUrl);
      return;
    }
    const manual = isInstance && followers.instance.manual_approval;
    const { follow, wasAccepted } = await this.ctx.sequelize.transaction((t) =>
      repo.upsert(follower.id, target.id, manual ? 'pending' : 'accepted', followUrl, t),
    );
    await repo.recount(this.ctx.sequelize, [target.id]);
    if (!manual || wasAccepted) await this.sendAccept(follow, target, follower);
  }

  async sendAccept(follow: ActorFollowModel, target: ActorModel, follower: ActorModel): Promise<void> {
    if (follower.host === null) return;
    const accept = {
      type: 'Accept',
      id: activityId.accept(this.ctx.publicUrl, follow.id),
      actor: target.url,
      object: this.followActivity(follower, target, follow.url ?? activityId.follow(follower.url, target.id)),
    };
    await this.delivery.sendTo(target.id, [follower.id], accept, { personal: true, orderKey: follow.url ?? undefined });
  }

  async sendReject(target: ActorModel, follower: ActorModel, followUrl: string): Promise<void> {
    if (follower.host === null) return;
    const reject = {
      type: 'Reject',
      id: activityId.reject(this.ctx.publicUrl, this.ctx.now()),
      actor: target.url,
      object: this.followActivity(follower, target, followUrl),
    };
    await this.delivery.sendTo(target.id, [follower.id], reject, { personal: true, orderKey: followUrl });
  }

  /** Admin decision on a pending follower of the instance. */
  async decide(follow: ActorFollowModel, accept: boolean): Promise<void> {
    const [follower, target] = await Promise.all([ActorModel.findByPk(follow.actorId), ActorModel.findByPk(follow.targetActorId)]);
    if (!follower || !target) throw AppError.notFound('Follow');
    if (accept) {
      await follow.update({ state: 'accepted' });
      await this.sendAccept(follow, target, follower);
    } else {
      await follow.destroy();
      await this.sendReject(target, follower, follow.url ?? activityId.follow(follower.url, target.id));
    }
    await repo.recount(this.ctx.sequelize, [target.id]);
  }

  /** The target answered our Follow. */
  async receiveAnswer(follower: ActorModel, target: ActorModel, accepted: boolean): Promise<boolean> {
    const follow = await repo.find(follower.id, target.id);
    if (!follow) return false;
    const wasAccepted = follow.state === 'accepted';
    await follow.update({ state: accepted ? 'accepted' : 'rejected' });
    await repo.recount(this.ctx.sequelize, [follower.id]);
    // Backfill what the target published before we followed it (PeerTube crawls the outbox too).
    if (accepted && !wasAccepted && target.host !== null) {
      await this.ctx.queue.add('activitypub-crawl-outbox', { outboxUrl: target.outboxUrl });
    }
    return true;
  }

  /** The follower took its Follow back. */
  async receiveUndo(follower: ActorModel, target: ActorModel): Promise<boolean> {
    const follow = await repo.find(follower.id, target.id);
    if (!follow) return false;
    await follow.destroy();
    await repo.recount(this.ctx.sequelize, [target.id]);
    return true;
  }

  instanceActor(): Promise<ActorModel> {
    return this.actors.getInstanceActor();
  }
}

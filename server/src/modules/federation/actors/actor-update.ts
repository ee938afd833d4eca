import { AS_PUBLIC } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import type { DeliveryService } from '../delivery/delivery.service';
import { actorFollowRepository } from '../follows/actor-follow.repository';
import { activityId } from '../urls';
import { actorDocument } from './actor.ap';
import type { LocalActors } from './local-actors';

/**
 * `Update` of a local account or channel after its name, description or images changed (spec §6.3),
 * to its followers and the instance's: remote servers store the new document (and images) at once
 * instead of at their next refresh.
 */
export class ActorUpdates {
  constructor(
    private readonly ctx: AppContext,
    private readonly actors: LocalActors,
    private readonly delivery: DeliveryService,
  ) {}

  async accountChanged(accountId: number): Promise<void> {
    const account = await AccountModel.findByPk(accountId, { attributes: ['actorId'] });
    if (account) await this.actorChanged(account.actorId);
  }

  async actorChanged(actorId: number): Promise<void> {
    const actor = await ActorModel.findByPk(actorId);
    // Remote actors' images change here too (when copied): only ours are announced.
    if (!actor || actor.host !== null || actor.type === 'Application') return;
    const instance = await this.actors.getInstanceActor();
    // Nobody to tell (a new account, say): no document to build, no key pair to make.
    if (!(await actorFollowRepository.followerInboxes(this.ctx.sequelize, [actor.id, instance.id], [])).length) return;
    const { publicKey } = await this.actors.keysOf(actor);
    const { '@context': context, ...object } = (await actorDocument(this.ctx, actor, publicKey)) as Record<string, unknown>;
    await this.delivery.sendToFollowers(
      actor.id,
      {
        '@context': context,
        type: 'Update',
        id: activityId.update(actor.url, this.ctx.now()),
        actor: actor.url,
        object,
        to: [AS_PUBLIC],
        cc: [actor.followersUrl],
      },
      { alsoFollowersOf: [instance.id] },
    );
  }
}

import type { AppContext } from '../../../platform/context';
import { ActorModel } from '../../actors';
import type { LocalActors } from '../actors/local-actors';
import { withContext } from '../context';
import { activityId } from '../urls';
import { actorFollowRepository } from '../follows/actor-follow.repository';
import { AS_PUBLIC, apObjectId } from '@shoal/models';
import { signLd } from '../signatures/ld-signature';
import type { ObjectSequence } from './object-sequence';

export interface SendOptions {
  /** Deliveries with the same key are ordered (see ObjectSequence); defaults to the object id. */
  orderKey?: string;
}

/** Turns "send this activity to these actors" into one signed delivery job per distinct inbox. */
export class DeliveryService {
  constructor(
    private readonly ctx: AppContext,
    private readonly actors: LocalActors,
    private readonly sequence: ObjectSequence,
  ) {}

  private async enqueue(signer: ActorModel, inboxes: string[], activity: object, opts: SendOptions, raw = false): Promise<void> {
    const ownInbox = `${this.ctx.publicUrl}/inbox`;
    const targets = [...new Set(inboxes)].filter((i) => i !== ownInbox && !i.startsWith(`${this.ctx.publicUrl}/`));
    if (!targets.length || !this.ctx.config.federation.enabled) return;
    const body = JSON.stringify(raw ? activity : await this.withLdSignature(signer, withContext(activity)));
    const a = activity as { id?: unknown; object?: unknown };
    const orderKey = opts.orderKey ?? apObjectId(a.object) ?? (typeof a.id === 'string' ? a.id : 'none');
    const seq = await this.sequence.next(orderKey);
    await this.actors.keysOf(signer);
    for (const inbox of targets) {
      await this.ctx.queue.add('activitypub-http-deliver', { signerActorId: signer.id, inbox, body, orderKey, seq });
    }
  }

  /**
   * Spec §3.3: every activity one of our actors authors carries its RsaSignature2017, so that a
   * server forwarding it (HTTP-signed by someone else) can prove the author to third parties.
   * Forwarded activities keep the signature they came with (`forward` sends them raw).
   */
  private async withLdSignature(signer: ActorModel, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (doc.actor !== signer.url || 'signature' in doc) return doc;
    try {
      const { privateKey } = await this.actors.keysOf(signer);
      return await signLd(doc, { keyId: `${signer.url}#main-key`, privateKey, now: this.ctx.now() });
    } catch (err) {
      // An unknown context URL cannot be canonicalised: send it without (the HTTP signature still holds).
      this.ctx.logger.warn({ err, activity: doc.id }, 'cannot add a linked-data signature');
      return doc;
    }
  }

  private async localActor(actorId: number): Promise<ActorModel> {
    const actor = await ActorModel.findByPk(actorId);
    if (!actor || actor.host !== null) throw new Error(`actor ${actorId} is not local`);
    return actor;
  }

  /** To the accepted remote followers of `localActorId` (and of `alsoFollowersOf`), shared inboxes first. */
  async sendToFollowers(
    localActorId: number,
    activity: object,
    opts: SendOptions & { alsoFollowersOf?: number[]; except?: number[] } = {},
  ): Promise<void> {
    const signer = await this.localActor(localActorId);
    const inboxes = await actorFollowRepository.followerInboxes(
      this.ctx.sequelize,
      [localActorId, ...(opts.alsoFollowersOf ?? [])],
      opts.except ?? [],
    );
    await this.enqueue(signer, inboxes, activity, opts);
  }

  /** To given actors (by id: shared inbox, or personal inbox with `personal`) or inbox URLs. */
  async sendTo(
    localActorId: number,
    targets: Array<number | string>,
    activity: object,
    opts: SendOptions & { personal?: boolean } = {},
  ): Promise<void> {
    const signer = await this.localActor(localActorId);
    const ids = targets.filter((t): t is number => typeof t === 'number');
    const urls = targets.filter((t): t is string => typeof t === 'string');
    if (ids.length) {
      const rows = await ActorModel.findAll({ where: { id: ids }, attributes: ['id', 'host', 'inboxUrl', 'sharedInboxUrl'] });
      for (const r of rows) if (r.host !== null) urls.push(opts.personal ? r.inboxUrl : (r.sharedInboxUrl ?? r.inboxUrl));
    }
    await this.enqueue(signer, urls, activity, opts);
  }

  /**
   * `Delete` of local actors about to be removed (spec §6.4), prepared **before** the rows go:
   * the recipients (followers of these actors and of the instance actor, and the actors they
   * follow) are read while the follows exist, and each Delete gets its author's RsaSignature2017
   * while the key exists. The returned function, called after the removal commits, queues the
   * deliveries; they are HTTP-signed by the instance actor (the author's key is gone by then), so
   * receivers take them as forwarded activities proven by the linked-data signature.
   */
  async prepareActorDeletion(actorIds: number[]): Promise<() => Promise<void>> {
    const actors = (await ActorModel.findAll({ where: { id: actorIds } })).filter((a) => a.host === null);
    if (!actors.length || !this.ctx.config.federation.enabled) return async () => undefined;
    const instance = await this.actors.getInstanceActor();
    const ids = actors.map((a) => a.id);
    const inboxes = new Set(await actorFollowRepository.followerInboxes(this.ctx.sequelize, [...ids, instance.id], []));
    const followed = await ActorModel.findAll({
      where: { id: await actorFollowRepository.followedActorIdsOf(this.ctx.sequelize, ids) },
      attributes: ['host', 'inboxUrl', 'sharedInboxUrl'],
    });
    for (const t of followed) if (t.host !== null) inboxes.add(t.sharedInboxUrl ?? t.inboxUrl);
    const bodies = await Promise.all(
      actors.map(async (actor) => {
        const activity = {
          type: 'Delete',
          id: activityId.delete(actor.url),
          actor: actor.url,
          object: actor.url,
          to: [AS_PUBLIC],
          cc: [actor.followersUrl],
        };
        return { orderKey: actor.url, body: await this.withLdSignature(actor, withContext(activity)) };
      }),
    );
    return async () => {
      for (const { orderKey, body } of bodies) await this.enqueue(instance, [...inboxes], body, { orderKey }, true);
    };
  }

  /** Re-posts a received activity unchanged, signed by the instance actor. */
  async forward(rawActivity: object, toFollowersOf: number[], except: number[] = []): Promise<void> {
    const signer = await this.actors.getInstanceActor();
    const inboxes = await actorFollowRepository.followerInboxes(this.ctx.sequelize, toFollowersOf, except);
    await this.enqueue(signer, inboxes, rawActivity, {}, true);
  }
}

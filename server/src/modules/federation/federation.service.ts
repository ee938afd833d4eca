import type { Router } from 'express';
import type { FollowState } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import type { ActorImageService, ActorModel } from '../actors';
import { AccountModel } from '../accounts';
import { ChannelModel } from '../channels';
import { actorRoutes, type OutboxProvider } from './actors/actor.routes';
import { LocalActors } from './actors/local-actors';
import { ActorUpdates } from './actors/actor-update';
import { RemoteActorImages } from './actors/remote-actor-images';
import { RemoteActors } from './actors/remote-actors';
import { deliverJob } from './delivery/deliver.job';
import { DeliveryService, type SendOptions } from './delivery/delivery.service';
import { HostHealth } from './delivery/host-health';
import { ObjectSequence } from './delivery/object-sequence';
import { wellKnownRoutes } from './discovery/well-known.routes';
import { actorFollowRepository } from './follows/actor-follow.repository';
import { FollowApiService } from './follows/follow-api.service';
import { followRoutes } from './follows/follow.routes';
import { FollowService } from './follows/follow.service';
import { resendPendingFollowsJob } from './follows/resend-pending.job';
import { FederationHttp } from './http/federation-http';
import { registerFollowHandlers } from './inbox/follow.inbox';
import { InboxReceiver } from './inbox/inbox-receiver';
import { InboxRegistry, type InboxHandler } from './inbox/inbox-registry';
import { inboxJob } from './inbox/inbox.job';
import { outboxCrawlJob } from './inbox/outbox-crawl.job';
import { InboxService } from './inbox/inbox.service';

/**
 * The federation core as one object: what other modules (and the objects code) call.
 * Built once per process in services.ts; see CONTRACT.md.
 */
export class FederationService {
  readonly localActors: LocalActors;
  readonly remoteActors: RemoteActors;
  readonly http: FederationHttp;
  readonly delivery: DeliveryService;
  readonly follows: FollowService;
  private readonly registry = new InboxRegistry();
  private readonly inbox: InboxService;
  private readonly followApi: FollowApiService;
  private outboxProvider?: OutboxProvider;
  private readonly actorUpdates: ActorUpdates;

  constructor(private readonly ctx: AppContext) {
    this.localActors = new LocalActors(ctx);
    this.http = new FederationHttp(ctx, this.localActors);
    this.remoteActors = new RemoteActors(ctx, this.http);
    const prefix = ctx.config.redis.prefix;
    const sequence = new ObjectSequence(ctx.redis, prefix);
    this.delivery = new DeliveryService(ctx, this.localActors, sequence);
    this.follows = new FollowService(ctx, this.localActors, this.delivery);
    this.actorUpdates = new ActorUpdates(ctx, this.localActors, this.delivery);
    this.inbox = new InboxService(ctx, new InboxReceiver(ctx, this.remoteActors));
    this.followApi = new FollowApiService(ctx, this.follows, this.remoteActors);
    registerFollowHandlers(this.registry, this.follows, this.remoteActors);
    ctx.queue.register(deliverJob(ctx, this.http, new HostHealth(ctx.redis, prefix), sequence));
    ctx.queue.register(inboxJob(ctx, this.registry, this.remoteActors, this.http));
    ctx.queue.register(outboxCrawlJob(ctx, this.registry, this.remoteActors, this.http));
    ctx.queue.register(resendPendingFollowsJob(ctx, this.delivery));
    // Reserve the instance actor's name before any user can take it.
    this.localActors.getInstanceActor().catch((err: unknown) => ctx.logger.error({ err }, 'cannot create the instance actor'));
  }

  /** Root-level routes: WebFinger/NodeInfo, actor documents, collections and inboxes. Mount before the web client. */
  routes(): Router[] {
    return [wellKnownRoutes(this.ctx, this.localActors), actorRoutes(this.ctx, this.localActors, this.inbox, () => this.outboxProvider)];
  }

  /** `/api/v1` routes: subscriptions and instance follows. */
  apiRoutes(): Router {
    return followRoutes(this.followApi);
  }

  /**
   * Remote actors' avatars and banners are copied with the actors module's image service, and a
   * change of a local actor's images sends an `Update` of it.
   */
  useActorImages(images: ActorImageService): void {
    this.remoteActors.useImages(new RemoteActorImages(this.ctx, images));
    images.onChange((actorId) => this.localActorChanged(actorId));
  }

  /** A local account or channel changed (name, description, images): its followers get an `Update`. */
  localActorChanged(actorId: number): void {
    this.actorUpdates.actorChanged(actorId).catch((err: unknown) => this.ctx.logger.warn({ err, actorId }, 'cannot send an actor Update'));
  }

  localAccountChanged(accountId: number): void {
    this.actorUpdates
      .accountChanged(accountId)
      .catch((err: unknown) => this.ctx.logger.warn({ err, accountId }, 'cannot send an account Update'));
  }

  registerInboxHandler(key: string, handler: InboxHandler): void {
    this.registry.register(key, handler);
  }

  /** Replaces how a remote actor that sent a `Delete` of itself is removed (the default only drops its row). */
  setRemoteActorRemover(remove: (actor: ActorModel) => Promise<void>): void {
    this.registry.removeActor = remove;
  }

  /** Items of local actors' outboxes (the objects code serves Create/Announce activities). */
  setOutboxProvider(provider: OutboxProvider): void {
    this.outboxProvider = provider;
  }

  sendToFollowers(localActorId: number, activity: object, opts?: SendOptions & { alsoFollowersOf?: number[]; except?: number[] }) {
    return this.delivery.sendToFollowers(localActorId, activity, opts);
  }

  sendTo(localActorId: number, targets: Array<number | string>, activity: object, opts?: SendOptions & { personal?: boolean }) {
    return this.delivery.sendTo(localActorId, targets, activity, opts);
  }

  forward(rawActivity: object, toFollowersOf: number[], except: number[] = []) {
    return this.delivery.forward(rawActivity, toFollowersOf, except);
  }

  signedFetch(url: string): Promise<unknown> {
    return this.http.signedFetch(url);
  }

  resolveRemoteActor(urlOrHandle: string, opts?: { refresh?: boolean }): Promise<ActorModel> {
    return this.remoteActors.resolve(urlOrHandle, opts);
  }

  getInstanceActor(): Promise<ActorModel> {
    return this.localActors.getInstanceActor();
  }

  getLocalActorForAccount(accountId: number): Promise<ActorModel> {
    return this.localActors.getLocalActorForAccount(accountId);
  }

  getLocalActorForChannel(channelId: number): Promise<ActorModel> {
    return this.localActors.getLocalActorForChannel(channelId);
  }

  async getAccountIdOfActor(actorId: number): Promise<number | null> {
    return (await AccountModel.findOne({ where: { actorId }, attributes: ['id'] }))?.id ?? null;
  }

  async getChannelIdOfActor(actorId: number): Promise<number | null> {
    return (await ChannelModel.findOne({ where: { actorId }, attributes: ['id'] }))?.id ?? null;
  }

  /** Prepares the `Delete` of local actors about to be removed; call the result after the removal commits. */
  prepareActorDeletion(actorIds: number[]): Promise<() => Promise<void>> {
    return this.delivery.prepareActorDeletion(actorIds);
  }

  /** Ids of the actors `followerActorId` follows (accepted follows unless another state is asked). */
  followedActorIds(followerActorId: number, opts: { state?: FollowState } = {}): Promise<number[]> {
    return actorFollowRepository.followedActorIds(followerActorId, opts.state ?? 'accepted');
  }

  /** Ids of the actors following `targetActorId` (local and remote). */
  followerActorIds(targetActorId: number, opts: { state?: FollowState } = {}): Promise<number[]> {
    return actorFollowRepository.followerActorIds(targetActorId, opts.state ?? 'accepted');
  }
}

import type { ActorFollowView, FollowActorView, FollowState, VideoChannel } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import { channelRepository, serializeChannel } from '../../channels';
import type { RemoteActors } from '../actors/remote-actors';
import { FederationFetchError } from '../http/safe-request';
import { urlHost } from '../origin';
import type { ActorFollowModel } from './actor-follow.model';
import { actorFollowRepository as repo } from './actor-follow.repository';
import type { FollowService } from './follow.service';

/** Network failures of remote lookups are the caller's bad target (4xx), not our bug (500). */
async function remoteCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof FederationFetchError) {
      throw new AppError(err.status === 404 || err.status === 410 ? 404 : 400, undefined, `Remote lookup failed: ${err.message}`);
    }
    throw err;
  }
}

interface Page {
  start: number;
  count: number;
  sort: string;
}

/** REST side of follows: user subscriptions to channels and the instance's follows. */
export class FollowApiService {
  constructor(
    private readonly ctx: AppContext,
    private readonly follows: FollowService,
    private readonly remote: RemoteActors,
  ) {}

  private async accountActor(accountId: number): Promise<ActorModel> {
    const account = await AccountModel.findByPk(accountId, { attributes: ['actorId'] });
    const actor = account && (await ActorModel.findByPk(account.actorId));
    if (!actor) throw AppError.notFound('Account');
    return actor;
  }

  /** `name@host` of a remote actor or `name` of a local one, as a handle; resolved over the network when remote. */
  private async resolveChannel(uri: string): Promise<ActorModel> {
    const handle = uri.includes('@') ? uri : `${uri}@${this.ctx.publicHost}`;
    const actor = await remoteCall(() => this.remote.resolve(handle));
    if (actor.type !== 'Group') throw AppError.badRequest(`${uri} is not a video channel`);
    return actor;
  }

  /** A stored channel actor by handle, without network (for reads and deletes). */
  private async knownActor(uri: string, type?: string): Promise<ActorModel | null> {
    const at = uri.lastIndexOf('@');
    const name = at > 0 ? uri.slice(0, at) : uri;
    const hostPart = at > 0 ? uri.slice(at + 1).toLowerCase() : null;
    const host = !hostPart || hostPart === this.ctx.publicHost.toLowerCase() ? null : hostPart;
    const rows = await this.ctx.sequelize.query<{ id: number }>(
      `SELECT id FROM actors WHERE lower(preferred_username) = lower(:name) AND host IS NOT DISTINCT FROM :host ${type ? 'AND type = :type' : ''} LIMIT 1`,
      { replacements: { name, host, type: type ?? null }, type: 'SELECT' as never },
    );
    return rows.length ? ActorModel.findByPk(rows[0].id) : null;
  }

  async subscribe(accountId: number, uri: string): Promise<void> {
    const [follower, target] = await Promise.all([this.accountActor(accountId), this.resolveChannel(uri)]);
    await this.follows.follow(follower, target);
  }

  async unsubscribe(accountId: number, uri: string): Promise<void> {
    const follower = await this.accountActor(accountId);
    const target = await this.knownActor(uri, 'Group');
    const follow = target && (await repo.find(follower.id, target.id));
    if (!follow) throw AppError.notFound('Subscription');
    await this.follows.unfollow(follow);
  }

  async exist(accountId: number, uris: string[]): Promise<Record<string, boolean>> {
    const follower = await this.accountActor(accountId);
    const out: Record<string, boolean> = {};
    for (const uri of uris) {
      const target = await this.knownActor(uri, 'Group');
      out[uri] = !!target && !!(await repo.find(follower.id, target.id));
    }
    return out;
  }

  async getSubscription(accountId: number, uri: string): Promise<VideoChannel> {
    const follower = await this.accountActor(accountId);
    const target = await this.knownActor(uri, 'Group');
    if (!target || !(await repo.find(follower.id, target.id))) throw AppError.notFound('Subscription');
    return this.channelOf(target.id);
  }

  private async channelOf(actorId: number): Promise<VideoChannel> {
    const row = await this.ctx.sequelize.query<{ id: number }>('SELECT id FROM video_channels WHERE actor_id = :actorId', {
      replacements: { actorId },
      type: 'SELECT' as never,
    });
    const channel = row.length ? await channelRepository.findById(row[0].id) : null;
    if (!channel) throw AppError.notFound('Video channel');
    return serializeChannel(this.ctx, channel);
  }

  async listSubscriptions(accountId: number, page: Page): Promise<{ total: number; data: VideoChannel[] }> {
    const follower = await this.accountActor(accountId);
    const { rows, count } = await repo.list({
      actorId: follower.id,
      targetType: 'Group',
      start: page.start,
      count: page.count,
      order: page.sort.startsWith('-') ? 'DESC' : 'ASC',
    });
    return { total: count, data: await Promise.all(rows.map((f) => this.channelOf(f.targetActorId))) };
  }

  // --- instance follows ---

  async followHostsAndHandles(hosts: string[], handles: string[]): Promise<void> {
    const instance = await this.follows.instanceActor();
    for (const host of hosts) {
      if (host.toLowerCase() === this.ctx.publicHost.toLowerCase()) throw AppError.badRequest('An instance cannot follow itself');
      await this.follows.follow(instance, await remoteCall(() => this.remote.applicationActorOf(host.toLowerCase())));
    }
    for (const handle of handles) await this.follows.follow(instance, await remoteCall(() => this.remote.resolve(handle)));
  }

  async unfollowHostOrHandle(hostOrHandle: string): Promise<void> {
    const instance = await this.follows.instanceActor();
    const target = hostOrHandle.includes('@')
      ? await this.knownActor(hostOrHandle)
      : await ActorModel.findOne({ where: { host: hostOrHandle.toLowerCase(), type: 'Application' } });
    const follow = target && (await repo.find(instance.id, target.id));
    if (!follow) throw AppError.notFound('Follow');
    await this.follows.unfollow(follow);
  }

  async list(side: 'following' | 'followers', q: Page & { state?: FollowState; actorType?: string }) {
    const instance = await this.follows.instanceActor();
    const { rows, count } = await repo.list({
      ...(side === 'following'
        ? { actorId: instance.id, targetType: q.actorType }
        : { targetActorId: instance.id, followerType: q.actorType }),
      state: q.state,
      start: q.start,
      count: q.count,
      order: q.sort.startsWith('-') ? 'DESC' : 'ASC',
    });
    return { total: count, data: rows.map((f) => this.serializeFollow(f)) };
  }

  /** An incoming follow of the instance actor, by the follower's handle. */
  private async followerFollow(nameWithHost: string): Promise<ActorFollowModel> {
    const instance = await this.follows.instanceActor();
    const follower = await this.knownActor(nameWithHost);
    const follow = follower && (await repo.find(follower.id, instance.id));
    if (!follow) throw AppError.notFound('Follower');
    return follow;
  }

  async decideFollower(nameWithHost: string, accept: boolean): Promise<void> {
    const follow = await this.followerFollow(nameWithHost);
    if (follow.state !== 'pending') throw AppError.conflict('This follow is not pending');
    await this.follows.decide(follow, accept);
  }

  async removeFollower(nameWithHost: string): Promise<void> {
    await this.follows.decide(await this.followerFollow(nameWithHost), false);
  }

  private serializeActor(actor: ActorModel): FollowActorView {
    return {
      id: actor.id,
      url: actor.url,
      name: actor.preferredUsername,
      host: actor.host ?? urlHost(actor.url) ?? this.ctx.publicHost,
      hostRedundancyAllowed: null,
      followingCount: actor.followingCount,
      followersCount: actor.followersCount,
      createdAt: actor.createdAt.toISOString(),
      updatedAt: actor.updatedAt.toISOString(),
    };
  }

  private serializeFollow(f: ActorFollowModel): ActorFollowView {
    return {
      id: f.id,
      follower: this.serializeActor(f.actor!),
      following: this.serializeActor(f.target!),
      score: f.score,
      state: f.state,
      createdAt: f.createdAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
    };
  }
}

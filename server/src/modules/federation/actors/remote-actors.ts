import { Op, type Transaction } from 'sequelize';
import {
  AP_ACCOUNT_TYPES,
  apActorOwners,
  apActorSchema,
  nodeinfoLinks,
  NODEINFO_APPLICATION_REL,
  webfingerResponse,
  type ApActor,
} from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { AccountModel } from '../../accounts';
import { ActorModel, type ActorType } from '../../actors';
import { ChannelModel } from '../../channels';
import type { FederationHttp } from '../http/federation-http';
import { FederationFetchError } from '../http/safe-request';
import { isSameOrigin, urlHost } from '../origin';
import { INSTANCE_ACTOR_NAME } from '../urls';
import { sameName } from './name-match';
import type { RemoteActorImages } from './remote-actor-images';

/** Finds remote actors by handle or URL, fetching and storing them (with their account or channel). */
export class RemoteActors {
  private images: RemoteActorImages | null = null;
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly http: FederationHttp,
  ) {}

  /** Avatars and banners are copied once the actor module's image service is wired in. */
  useImages(images: RemoteActorImages): void {
    this.images = images;
  }

  private scheme(): string {
    // Federation peers of a plain-http instance (tests, local set-ups) are plain http too.
    return this.ctx.config.webserver.https ? 'https' : 'http';
  }

  /** `name@host`, `acct:name@host`, `@name@host` or an actor URL → the stored actor row. */
  async resolve(urlOrHandle: string, opts: { refresh?: boolean; depth?: number } = {}): Promise<ActorModel> {
    const handle = urlOrHandle.replace(/^acct:/, '').replace(/^@/, '');
    if (!/^https?:\/\//.test(handle)) {
      const at = handle.lastIndexOf('@');
      if (at <= 0) throw AppError.badRequest(`${urlOrHandle} is not a handle name@host`);
      const name = handle.slice(0, at);
      const host = handle.slice(at + 1).toLowerCase();
      if (host === this.ctx.publicHost.toLowerCase()) return this.localByName(name);
      const known = await ActorModel.findOne({ where: { host, [Op.and]: [sameName(name)] } });
      if (known && !opts.refresh && !this.isStale(known)) return known;
      return this.resolve(await this.webfinger(name, host), opts);
    }
    if (isSameOrigin(handle, this.ctx.publicUrl)) {
      const local = await ActorModel.findOne({ where: { url: handle, host: null } });
      if (!local) throw AppError.notFound('Actor');
      return local;
    }
    const known = await ActorModel.findOne({ where: { url: handle } });
    if (known && !opts.refresh && !this.isStale(known)) return known;
    try {
      return await this.oneAtATime(handle, () => this.fetchAndStore(handle, opts.depth ?? 0));
    } catch (err) {
      // A stale copy is better than nothing when the origin is briefly down.
      if (known && !opts.refresh && !(err instanceof FederationFetchError && [404, 410].includes(err.status))) return known;
      throw err;
    }
  }

  /**
   * Fetches of one actor run one after the other in this process: a burst of `Update`s (avatar,
   * banner, name) is processed concurrently by the inbox, and an older fetch finishing last must
   * not overwrite a newer one. Each queued fetch still goes to the origin, so the last one wins.
   */
  private oneAtATime<T>(url: string, work: () => Promise<T>): Promise<T> {
    const previous = this.inflight.get(url) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.inflight.set(url, next);
    const forget = () => {
      if (this.inflight.get(url) === next) this.inflight.delete(url);
    };
    next.then(forget, forget);
    return next;
  }

  private isStale(actor: ActorModel): boolean {
    const at = actor.remoteUpdatedAt ?? actor.updatedAt;
    // `federation.refresh_interval` (PeerTube: 2 days).
    return this.ctx.now().getTime() - at.getTime() > this.ctx.config.federation.refresh_interval;
  }

  private async localByName(name: string): Promise<ActorModel> {
    const actor = await ActorModel.findOne({ where: { host: null, [Op.and]: [sameName(name)] } });
    if (!actor) throw AppError.notFound('Actor');
    return actor;
  }

  /** WebFinger `acct:name@host` → the actor URL of its `self` link (7 s, SSRF-checked). */
  async webfinger(name: string, host: string): Promise<string> {
    const resource = `acct:${name}@${host}`;
    const url = `${this.scheme()}://${host}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`;
    let json: unknown;
    try {
      ({ json } = await this.http.getJson(url, { accept: 'application/jrd+json, application/json', signed: false }));
    } catch (err) {
      if (err instanceof FederationFetchError && err.status === 404) throw AppError.notFound(`Remote actor ${name}@${host}`);
      throw new AppError(400, undefined, `Cannot resolve ${name}@${host}: ${(err as Error).message}`);
    }
    const parsed = webfingerResponse.safeParse(json);
    const self = parsed.success
      ? parsed.data.links.find((l) => l.rel === 'self' && l.href && /activity\+json|ld\+json/.test(l.type ?? ''))
      : undefined;
    if (!self?.href || urlHost(self.href) === null) throw new AppError(400, undefined, `${name}@${host} has no ActivityPub actor`);
    return self.href;
  }

  /** The instance actor of a host: NodeInfo's `#Application` link, else WebFinger `peertube@host`. */
  async applicationActorOf(host: string): Promise<ActorModel> {
    try {
      const { json } = await this.http.getJson(`${this.scheme()}://${host}/.well-known/nodeinfo`, {
        accept: 'application/json',
        signed: false,
      });
      const link = nodeinfoLinks.safeParse(json);
      const app = link.success ? link.data.links.find((l) => l.rel === NODEINFO_APPLICATION_REL) : undefined;
      if (app && urlHost(app.href) === host.toLowerCase()) return await this.resolve(app.href);
    } catch {
      // Fall back to WebFinger below.
    }
    return this.resolve(`${INSTANCE_ACTOR_NAME}@${host}`);
  }

  private async fetchAndStore(url: string, depth: number): Promise<ActorModel> {
    let json = await this.http.signedFetch(url);
    let parsed = apActorSchema.safeParse(json);
    // A key document instead of an actor: PeerTube retries once with its owner (§1.2).
    const owner = (json as { publicKey?: { owner?: unknown } } | null)?.publicKey?.owner;
    if (!parsed.success && typeof owner === 'string' && owner !== url && isSameOrigin(owner, url)) {
      json = await this.http.signedFetch(owner);
      parsed = apActorSchema.safeParse(json);
    }
    if (!parsed.success) throw new AppError(400, undefined, `${url} is not a valid actor`);
    const actor = parsed.data;
    if (!isSameOrigin(actor.id, url) || !isSameOrigin(actor.publicKey.owner, actor.id)) {
      throw new AppError(400, undefined, `${url} served an actor of another host`);
    }
    let ownerAccountId: number | null = null;
    if (actor.type === 'Group') ownerAccountId = await this.groupOwnerAccount(actor, depth);
    const stored = await this.ctx.sequelize.transaction((t) => this.store(actor, ownerAccountId, t));
    await this.images?.sync(stored, actor);
    return stored;
  }

  /** A Group must be attributed to a Person-like actor on its own host (§1.1); that account is stored first. */
  private async groupOwnerAccount(group: ApActor, depth: number): Promise<number> {
    if (depth > 0) throw new AppError(400, undefined, 'Group owners cannot be groups');
    for (const ownerUrl of apActorOwners(group.attributedTo)) {
      if (!isSameOrigin(ownerUrl, group.id)) continue;
      const owner = await this.resolve(ownerUrl, { depth: depth + 1 }).catch(() => null);
      if (!owner || owner.type === 'Group') continue;
      const account = await AccountModel.findOne({ where: { actorId: owner.id }, attributes: ['id'] });
      if (account) return account.id;
    }
    throw new AppError(400, undefined, `${group.id} has no owner account on its host`);
  }

  private async store(ap: ApActor, ownerAccountId: number | null, transaction: Transaction): Promise<ActorModel> {
    const type: ActorType = ap.type === 'Group' ? 'Group' : ap.type === 'Application' ? 'Application' : 'Person';
    const host = urlHost(ap.id)!;
    const fields = {
      type,
      preferredUsername: ap.preferredUsername,
      url: ap.id,
      host,
      publicKey: ap.publicKey.publicKeyPem,
      inboxUrl: ap.inbox,
      outboxUrl: ap.outbox ?? `${ap.id}/outbox`,
      sharedInboxUrl: ap.endpoints?.sharedInbox ?? null,
      followersUrl: ap.followers ?? `${ap.id}/followers`,
      followingUrl: ap.following ?? `${ap.id}/following`,
      remoteUpdatedAt: this.ctx.now(),
    };
    let actor = await ActorModel.findOne({ where: { url: ap.id }, transaction, lock: transaction.LOCK.UPDATE });
    if (actor) await actor.update(fields, { transaction });
    else {
      // A renamed remote actor keeps its handle slot; free it from the old URL first.
      await ActorModel.destroy({ where: { host, [Op.and]: [sameName(ap.preferredUsername)] }, transaction });
      actor = await ActorModel.create(fields, { transaction });
    }
    const displayName = (ap.name?.trim() || ap.preferredUsername).slice(0, 120);
    const summary = ap.summary && ap.summary.length >= 3 ? ap.summary.slice(0, 1000) : null;
    if ((AP_ACCOUNT_TYPES as readonly string[]).includes(ap.type)) {
      const account = await AccountModel.findOne({ where: { actorId: actor.id }, transaction });
      if (account) await account.update({ displayName, description: summary }, { transaction });
      else await AccountModel.create({ actorId: actor.id, userId: null, displayName, description: summary }, { transaction });
    } else {
      const channel = await ChannelModel.findOne({ where: { actorId: actor.id }, transaction });
      const values = { displayName, description: summary, support: ap.support ?? null, accountId: ownerAccountId! };
      if (channel) await channel.update(values, { transaction });
      else await ChannelModel.create({ actorId: actor.id, ...values }, { transaction });
    }
    return actor;
  }
}

import {
  UserRight,
  UserRole,
  roleHasRight,
  type ActorImageKind,
  type ChannelCreate,
  type ChannelUpdate,
  type VideoChannel,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { ActorModel, actorImageRepository, type ActorImageModel, type ActorImageService, type ActorService } from '../actors';
import { ChannelListCache, type CachedBody } from './channel-list.cache';
import type { ChannelQuery } from './channel-list.query';
import { ChannelModel } from './channel.model';
import { channelRepository } from './channel.repository';
import { serializeChannel } from './channel.serializer';

const isUniqueViolation = (err: unknown) => (err as { name?: string })?.name === 'SequelizeUniqueConstraintError';

export class ChannelService {
  private readonly listCache: ChannelListCache;

  /** Called after a channel's name, description or support text changed (federation sends an `Update`). */
  onActorUpdate: Array<(actorId: number) => void> = [];
  /** Run before a channel's actor goes; what it returns runs once the deletion committed (federation's `Delete`). */
  onActorRemoval: Array<(actorIds: number[]) => Promise<() => Promise<void>>> = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly actors: ActorService,
    private readonly images: ActorImageService,
  ) {
    this.listCache = new ChannelListCache(ctx, ctx.config.video_channels.list_cache_ttl);
    // Channel and owner avatars are part of every list item.
    images.onChange(() => this.invalidateLists());
  }

  /** To call after any change that alters how a channel serializes (its owner account included). */
  invalidateLists(): void {
    this.listCache.invalidate();
  }

  async getByHandle(handle: string): Promise<ChannelModel> {
    const channel = await channelRepository.findByHandle(handle, this.ctx.publicHost);
    if (!channel) throw AppError.notFound('Video channel');
    return channel;
  }

  async getJson(handle: string): Promise<VideoChannel> {
    const channel = await channelRepository.findForJson(this.ctx.sequelize, handle, this.ctx.publicHost);
    if (!channel) throw AppError.notFound('Video channel');
    // Federation refreshes a stale remote channel in the background; the answer does not wait.
    if (channel.actor?.host) void this.emitRemoteRead(channel.id);
    return serializeChannel(this.ctx, channel);
  }

  private async emitRemoteRead(channelId: number): Promise<void> {
    const row = await ChannelModel.findByPk(channelId, { attributes: ['actorId'] }).catch(() => null);
    if (row) await this.ctx.events.emit('remote-actor-read', { actorId: row.actorId });
  }

  /** The public list as ready-to-send JSON: identical for every caller, so it is cached. */
  publicList(q: Pick<ChannelQuery, 'start' | 'count' | 'sort'>): Promise<CachedBody> {
    return this.listCache.get(`${q.start}:${q.count}:${q.sort}`, async () => JSON.stringify(await this.list(q)));
  }

  async list(q: ChannelQuery): Promise<{ total: number; data: VideoChannel[] }> {
    const { rows, count } = await channelRepository.list(this.ctx.sequelize, q);
    return { total: count, data: rows.map((c) => serializeChannel(this.ctx, c)) };
  }

  async create(me: AuthUser, body: ChannelCreate): Promise<ChannelModel> {
    const channel = await withTransaction(this.ctx.sequelize, async (transaction) => {
      const max = this.ctx.config.video_channels.max_per_user;
      await channelRepository.lockAccount(me.accountId, transaction);
      if ((await channelRepository.countForAccount(me.accountId, transaction)) >= max) {
        throw AppError.forbidden(`You cannot create more than ${max} channels`);
      }
      if (await this.actors.isHandleTaken(body.name, transaction))
        throw AppError.conflict('This name is already taken by an account or channel');
      const actor = await this.actors.createLocal('Group', body.name, transaction);
      return ChannelModel.create(
        {
          actorId: actor.id,
          accountId: me.accountId,
          displayName: body.displayName,
          description: body.description ?? null,
          support: body.support ?? null,
        },
        { transaction },
      );
    }).catch((err: unknown) => {
      // A concurrent creation of the same name passes isHandleTaken; the unique index decides.
      throw isUniqueViolation(err) ? AppError.conflict('This name is already taken by an account or channel') : err;
    });
    this.invalidateLists();
    return channel;
  }

  /**
   * Owner, or a holder of MANAGE_ANY_VIDEO_CHANNEL, on a local channel. Moderators may not
   * touch channels of administrators or other moderators, as with users.
   */
  async assertCanManage(me: AuthUser, channel: ChannelModel): Promise<void> {
    if (channel.actor!.host !== null) throw AppError.forbidden('Remote channels cannot be managed here');
    if (channel.accountId === me.accountId) return;
    if (!roleHasRight(me.role, UserRight.MANAGE_ANY_VIDEO_CHANNEL)) throw AppError.forbidden('You are not the owner of this channel');
    if (
      me.role !== UserRole.ADMINISTRATOR &&
      (await channelRepository.ownerRole(this.ctx.sequelize, channel.accountId)) !== UserRole.USER
    ) {
      throw AppError.forbidden('Only administrators can manage channels of administrators and moderators');
    }
  }

  async getManageable(me: AuthUser, handle: string): Promise<ChannelModel> {
    const channel = await this.getByHandle(handle);
    await this.assertCanManage(me, channel);
    return channel;
  }

  async update(me: AuthUser, handle: string, body: ChannelUpdate): Promise<void> {
    const channel = await this.getManageable(me, handle);
    const { bulkVideosSupportUpdate: _bulk, ...changes } = body;
    await channel.update(changes);
    this.invalidateLists();
    for (const listener of this.onActorUpdate) listener(channel.actorId);
  }

  async setImage(channel: ChannelModel, kind: ActorImageKind, file: Buffer): Promise<ActorImageModel[]> {
    return this.images.replace(channel.actorId, kind, file);
  }

  async removeImage(channel: ChannelModel, kind: ActorImageKind): Promise<void> {
    await this.images.remove(channel.actorId, kind);
  }

  async remove(me: AuthUser, handle: string): Promise<void> {
    const channel = await this.getByHandle(handle);
    // Deleting is for the real owner only, as PeerTube does.
    if (channel.accountId !== me.accountId) throw AppError.forbidden('Only the owner can delete this channel');
    // Checked again under the lock below; here so that no Delete is prepared for a refused removal.
    if ((await channelRepository.countForAccount(channel.accountId)) <= 1) throw AppError.conflict('You cannot delete your last channel');
    const afterRemoval = await Promise.all(this.onActorRemoval.map((hook) => hook([channel.actorId])));
    const files = await withTransaction(this.ctx.sequelize, async (transaction) => {
      await channelRepository.lockAccount(channel.accountId, transaction);
      if ((await channelRepository.countForAccount(channel.accountId, transaction)) <= 1) {
        throw AppError.conflict('You cannot delete your last channel');
      }
      const imageFiles = await actorImageRepository.localFilesOf([channel.actorId], transaction);
      await ActorModel.destroy({ where: { id: channel.actorId }, transaction });
      return imageFiles;
    });
    await this.images.removeFiles(files);
    this.invalidateLists();
    for (const run of afterRemoval) await run();
  }
}

import { UserRight, roleHasRight, type ChannelCreate, type ChannelUpdate } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import type { ActorService } from '../actors';
import { ActorModel } from '../actors';
import { ChannelModel } from './channel.model';
import { channelRepository } from './channel.repository';

export class ChannelService {
  constructor(
    private readonly ctx: AppContext,
    private readonly actors: ActorService,
  ) {}

  async getByHandle(handle: string): Promise<ChannelModel> {
    const channel = await channelRepository.findByHandle(handle, this.ctx.publicHost);
    if (!channel) throw AppError.notFound('Video channel');
    return channel;
  }

  async create(me: AuthUser, body: ChannelCreate): Promise<ChannelModel> {
    return withTransaction(this.ctx.sequelize, async (transaction) => {
      const max = this.ctx.config.video_channels.max_per_user;
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
    });
  }

  /** Owner, or a moderator holding MANAGE_ANY_VIDEO_CHANNEL, on a local channel. */
  assertCanManage(me: AuthUser, channel: ChannelModel): void {
    if (channel.actor!.host !== null) throw AppError.forbidden('Remote channels cannot be managed here');
    if (channel.accountId !== me.accountId && !roleHasRight(me.role, UserRight.MANAGE_ANY_VIDEO_CHANNEL)) {
      throw AppError.forbidden('You are not the owner of this channel');
    }
  }

  async update(me: AuthUser, handle: string, body: ChannelUpdate): Promise<void> {
    const channel = await this.getByHandle(handle);
    this.assertCanManage(me, channel);
    const { bulkVideosSupportUpdate: _bulk, ...changes } = body;
    await channel.update(changes);
  }

  async remove(me: AuthUser, handle: string): Promise<void> {
    const channel = await this.getByHandle(handle);
    // Deleting is for the real owner only, as PeerTube does.
    if (channel.accountId !== me.accountId) throw AppError.forbidden('Only the owner can delete this channel');
    await withTransaction(this.ctx.sequelize, async (transaction) => {
      if ((await channelRepository.countForAccount(channel.accountId, transaction)) <= 1) {
        throw AppError.conflict('You cannot delete your last channel');
      }
      await ActorModel.destroy({ where: { id: channel.actorId }, transaction });
    });
  }
}

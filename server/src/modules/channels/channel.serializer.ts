import type { VideoChannel, VideoChannelSummary } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { serializeAccount, type AccountLike } from '../accounts/account.serializer';
import { ActorImageType, serializeActorBase, serializeImages, type ActorLike } from '../actors';
import type { ChannelModel } from './channel.model';

export type ChannelLike = Pick<ChannelModel, 'id' | 'displayName' | 'description' | 'support' | 'updatedAt'> & {
  actor?: ActorLike;
  account?: AccountLike;
};

export function serializeChannel(ctx: AppContext, channel: ChannelLike): VideoChannel {
  const actor = channel.actor!;
  return {
    id: channel.id,
    ...serializeActorBase(ctx, actor),
    displayName: channel.displayName,
    description: channel.description ?? null,
    support: channel.support ?? null,
    isLocal: actor.host === null,
    updatedAt: channel.updatedAt.toISOString(),
    banners: serializeImages(ctx, actor, ActorImageType.BANNER),
    ownerAccount: serializeAccount(ctx, channel.account!),
  };
}

export function serializeChannelSummary(ctx: AppContext, channel: ChannelLike): VideoChannelSummary {
  const actor = channel.actor!;
  const base = serializeActorBase(ctx, actor);
  return { id: channel.id, name: base.name, displayName: channel.displayName, url: base.url, host: base.host, avatars: base.avatars };
}

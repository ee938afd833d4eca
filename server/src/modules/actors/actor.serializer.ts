import type { Actor, ActorImage } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { ActorImageType, type ActorImageModel, type ActorModel } from './actor.model';

/** What the serializers read: a Sequelize model or a plain row mapped by a hand-written query. */
export type ActorImageLike = Pick<ActorImageModel, 'type' | 'filename' | 'width' | 'height' | 'fileUrl' | 'createdAt' | 'updatedAt'>;
export type ActorLike = Pick<ActorModel, 'url' | 'preferredUsername' | 'host' | 'followingCount' | 'followersCount' | 'createdAt'> & {
  images?: ActorImageLike[];
};

/** Static path of a local actor image. */
export const ACTOR_IMAGE_PATH = '/lazy-static/avatars/';

export function serializeImages(ctx: AppContext, actor: ActorLike, type: ActorImageType): ActorImage[] {
  return (actor.images ?? [])
    .filter((i) => i.type === type)
    .sort((a, b) => a.width - b.width)
    .map((i) => serializeImage(ctx, i));
}

export function serializeImage(ctx: AppContext, image: ActorImageLike): ActorImage {
  const path = ACTOR_IMAGE_PATH + image.filename;
  return {
    width: image.width,
    height: image.height,
    path,
    fileUrl: image.fileUrl ?? ctx.publicUrl + path,
    createdAt: image.createdAt.toISOString(),
    updatedAt: image.updatedAt.toISOString(),
  };
}

/** Handle host: ours for local actors. */
export function actorHost(ctx: AppContext, actor: Pick<ActorLike, 'host'>): string {
  return actor.host ?? ctx.publicHost;
}

export function serializeActorBase(ctx: AppContext, actor: ActorLike): Omit<Actor, 'id'> {
  return {
    url: actor.url,
    name: actor.preferredUsername,
    host: actorHost(ctx, actor),
    followingCount: actor.followingCount,
    followersCount: actor.followersCount,
    createdAt: actor.createdAt.toISOString(),
    avatars: serializeImages(ctx, actor, ActorImageType.AVATAR),
  };
}

export { ActorImageType };

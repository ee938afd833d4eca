export { ActorModel, ActorImageModel, ActorImageType, type ActorType } from './actor.model';
export { ActorService } from './actor.service';
export { ActorImageService, type ActorImagesListener } from './actor-image.service';
export { receiveActorImage } from './actor-image.upload';
export { actorImageStaticRoutes } from './actor-image.static';
export {
  serializeActorBase,
  serializeImages,
  serializeImage,
  actorHost,
  ACTOR_IMAGE_PATH,
  type ActorLike,
  type ActorImageLike,
} from './actor.serializer';
export { parseHandle, findActorIdByHandle, actorImageRepository } from './actor.repository';

export { ActorModel, ActorImageModel, ActorImageType, type ActorType } from './actor.model';
export { ActorService } from './actor.service';
export { serializeActorBase, serializeImages, serializeImage, actorHost, ACTOR_IMAGE_PATH } from './actor.serializer';
export { parseHandle, findActorIdByHandle } from './actor.repository';

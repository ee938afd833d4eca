/** Federation core: the only entry point other modules (and federation/objects) may import. See CONTRACT.md. */
export { FederationService } from './federation.service';
export { ActorFollowModel } from './follows/actor-follow.model';
export type { InboxHandler, InboxContext, InboxOutcome } from './inbox/inbox-registry';
export type { OutboxProvider } from './actors/actor.routes';
export type { SendOptions } from './delivery/delivery.service';
export { FederationFetchError } from './http/safe-request';
export { wantsActivityPub, sendActivityPub, orderedCollection, COLLECTION_PAGE_SIZE } from './http/activitypub-response';
export { withContext, AP_BASE_CONTEXT, AP_MEDIA_TYPE } from './context';
export { isSameOrigin, urlHost } from './origin';
export { actorUrl, activityId, INSTANCE_ACTOR_NAME } from './urls';
export { pendingFollowsCheckEvery } from './follows/resend-pending.job';
export { downloadImage } from './http/image-download';

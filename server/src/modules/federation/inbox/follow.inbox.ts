import { apFollowObject, apObjectId, type ApActivity } from '@shoal/models';
import { ActorModel } from '../../actors';
import type { RemoteActors } from '../actors/remote-actors';
import { ActorFollowModel } from '../follows/actor-follow.model';
import type { FollowService } from '../follows/follow.service';
import type { InboxContext, InboxOutcome, InboxRegistry } from './inbox-registry';

/** Follow, Accept, Reject and Undo(Follow): the follow handshake of spec §6.1. */
export function registerFollowHandlers(registry: InboxRegistry, follows: FollowService, remote: RemoteActors): void {
  const localTarget = async (url: string | null) => (url ? ActorModel.findOne({ where: { url, host: null } }) : null);
  // Some servers answer with the Follow's id only: our follow row remembers it.
  const followerById = async (object: unknown, target: ActorModel) => {
    if (typeof object !== 'string') return null;
    const follow = await ActorFollowModel.findOne({ where: { url: object, targetActorId: target.id } });
    return follow ? ActorModel.findOne({ where: { id: follow.actorId, host: null } }) : null;
  };

  registry.register('Follow', async (activity: ApActivity, { signer, inboxOwner }: InboxContext): Promise<InboxOutcome> => {
    const target = await localTarget(apObjectId(activity.object));
    if (!target) return { skipped: 'follow of an unknown or remote actor' };
    if (inboxOwner && inboxOwner.id !== target.id) return { skipped: 'follow posted to another actor inbox' };
    await follows.receiveFollow(signer, target, activity.id);
    return { ok: true };
  });

  // The follow is found from (our follower, the signer as target); the embedded Follow only names our follower.
  const answer =
    (accepted: boolean) =>
    async (activity: ApActivity, { signer, inboxOwner }: InboxContext): Promise<InboxOutcome> => {
      const embedded = apFollowObject.safeParse(activity.object);
      const follower =
        inboxOwner ?? (embedded.success ? await localTarget(embedded.data.actor) : await followerById(activity.object, signer));
      if (!follower || follower.host !== null) return { skipped: 'answer to an unknown follow' };
      if (embedded.success && embedded.data.object !== signer.url) return { skipped: 'answer about a follow of another actor' };
      return (await follows.receiveAnswer(follower, signer, accepted)) ? { ok: true } : { skipped: 'no such follow' };
    };
  registry.register('Accept', answer(true));
  registry.register('Reject', answer(false));

  registry.register('Undo/Follow', async (activity: ApActivity, { signer }: InboxContext): Promise<InboxOutcome> => {
    const embedded = apFollowObject.safeParse(activity.object);
    if (!embedded.success) return { skipped: 'malformed Undo Follow' };
    const target = await localTarget(embedded.data.object);
    if (!target) return { skipped: 'undo of a follow of an unknown actor' };
    return (await follows.receiveUndo(signer, target)) ? { ok: true } : { skipped: 'no such follow' };
  });

  // An actor updated its own document (keys, inboxes, names): refetched from its origin rather than trusted inline.
  const actorUpdate = async (activity: ApActivity, { signer }: InboxContext): Promise<InboxOutcome> => {
    if (apObjectId(activity.object) !== signer.url) return { skipped: 'actor update of another actor' };
    await remote.resolve(signer.url, { refresh: true });
    return { ok: true };
  };
  for (const type of ['Person', 'Group', 'Application', 'Service', 'Organization']) registry.register(`Update/${type}`, actorUpdate);
}

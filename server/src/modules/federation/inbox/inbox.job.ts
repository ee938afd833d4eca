import { apActivityBase, apObjectId, type ApActivity } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { ActorModel } from '../../actors';
import type { RemoteActors } from '../actors/remote-actors';
import type { FederationHttp } from '../http/federation-http';
import { isSameOrigin } from '../origin';
import { isActorBlocked } from './blocked';
import type { InboxOutcome, InboxRegistry } from './inbox-registry';
import { originViolation } from './origin-checks';

/**
 * Runs the handler of one verified activity. Forwarded activities (actor ≠ HTTP signer) whose
 * RsaSignature2017 the receiver verified (`ldSigned`, signer = the author) run as received; the
 * others are fetched again from their actor's origin and only the origin's copy is processed.
 */
export function inboxJob(ctx: AppContext, registry: InboxRegistry, remote: RemoteActors, http: FederationHttp) {
  const dereferenceForward = async (activity: ApActivity): Promise<ApActivity | null> => {
    if (!isSameOrigin(activity.id, activity.actor)) return null;
    const fetched = apActivityBase.safeParse(await http.signedFetch(activity.id).catch(() => null));
    if (!fetched.success || fetched.data.id !== activity.id || fetched.data.actor !== activity.actor) return null;
    return fetched.data;
  };

  const run = async (payload: {
    activity: Record<string, unknown>;
    signerActorId: number;
    inboxActorId: number | null;
    forwarded: boolean;
    ldSigned?: boolean;
  }): Promise<InboxOutcome> => {
    let activity = apActivityBase.parse(payload.activity);
    let signer = await ActorModel.findByPk(payload.signerActorId);
    if (!signer) return { skipped: 'signer vanished' };
    if (payload.forwarded && !payload.ldSigned) {
      const origin = await dereferenceForward(activity);
      if (!origin) return { skipped: 'forward not dereferenceable at its origin' };
      const violation = originViolation(origin);
      if (violation) return { skipped: violation };
      activity = origin;
      signer = await remote.resolve(activity.actor);
      if (await isActorBlocked(signer)) return { skipped: 'blocked actor' };
    }
    const inboxOwner = payload.inboxActorId ? await ActorModel.findByPk(payload.inboxActorId) : null;
    // An actor deleting itself: its row (and cascade: account, channels, videos, follows) goes.
    if (activity.type === 'Delete' && apObjectId(activity.object) === signer.url) {
      await registry.removeActor(signer);
      return { ok: true };
    }
    return registry.dispatch(activity, { signer, inboxOwner, forwarded: payload.forwarded });
  };

  return defineJob({
    name: 'activitypub-inbox',
    concurrency: 5,
    attempts: 3,
    backoffMs: 10_000,
    async handler(payload) {
      const outcome = await run(payload);
      if ('skipped' in outcome) {
        ctx.logger.info({ activity: payload.activity.id, type: payload.activity.type, reason: outcome.skipped }, 'inbox activity skipped');
      }
    },
  });
}

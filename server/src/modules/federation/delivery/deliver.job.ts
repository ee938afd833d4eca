import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { ActorModel } from '../../actors';
import { actorFollowRepository } from '../follows/actor-follow.repository';
import type { FederationHttp } from '../http/federation-http';
import { FederationFetchError } from '../http/safe-request';
import { urlHost } from '../origin';
import type { HostHealth } from './host-health';
import type { ObjectSequence } from './object-sequence';

/**
 * POSTs one activity to one inbox. Retried with exponential backoff (5 attempts from 30 s);
 * a 4xx other than 408/429 is final (the receiver refuses it, retrying will not help).
 */
export function deliverJob(ctx: AppContext, http: FederationHttp, health: HostHealth, sequence: ObjectSequence) {
  return defineJob({
    name: 'activitypub-http-deliver',
    concurrency: 10,
    attempts: 5,
    backoffMs: 30_000,
    async handler({ signerActorId, inbox, body, orderKey, seq }) {
      const host = urlHost(inbox);
      const signer = await ActorModel.findByPk(signerActorId);
      if (!host || !signer || signer.host !== null) return;
      if (await health.isPaused(host)) throw new Error(`deliveries to ${host} are paused after repeated failures`);
      if (!(await sequence.claim(orderKey, inbox, seq))) return;
      try {
        await http.post(inbox, signer, body);
        await health.recordSuccess(host);
        await actorFollowRepository.adjustScoreByInbox(ctx.sequelize, inbox, 10);
      } catch (err) {
        await sequence.release(orderKey, inbox, seq);
        const status = err instanceof FederationFetchError ? err.status : 0;
        if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
          ctx.logger.info({ inbox, status }, 'inbox refused an activity');
          return;
        }
        await health.recordFailure(host);
        await actorFollowRepository.adjustScoreByInbox(ctx.sequelize, inbox, -10);
        throw err;
      }
    },
  });
}

import type { Request } from 'express';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import type { ActorModel } from '../../actors';
import type { InboxReceiver } from './inbox-receiver';

/** Verify, then queue: the inbox answers 204 before any handler runs (spec §9.2). */
export class InboxService {
  constructor(
    private readonly ctx: AppContext,
    private readonly receiver: InboxReceiver,
  ) {}

  async receive(req: Request, inboxOwner: ActorModel | null): Promise<void> {
    if (!this.ctx.config.federation.enabled) throw AppError.forbidden('Federation is disabled on this instance');
    const verified = await this.receiver.verify(req);
    if (!verified) return;
    const { activity, signer, forwarded, ldSigned } = verified;
    await this.ctx.queue.add('activitypub-inbox', {
      activity,
      signerActorId: signer.id,
      inboxActorId: inboxOwner?.id ?? null,
      forwarded,
      ldSigned,
    });
  }
}

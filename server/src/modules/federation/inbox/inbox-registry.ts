import { apObjectType, type ApActivity } from '@shoal/models';
import type { ActorModel } from '../../actors';

export type InboxOutcome = { ok: true } | { skipped: string };

export interface InboxContext {
  /** The verified author (HTTP signer, or the origin actor of a re-fetched forward). */
  signer: ActorModel;
  /** Owner of the personal inbox it was posted to; null for the shared inbox. */
  inboxOwner: ActorModel | null;
  /** True when another server relayed it and we re-fetched it from its origin. */
  forwarded: boolean;
  /** True when read (unsigned) from an outbox during a backfill; only Create and Announce come this way. */
  crawled?: boolean;
}

export type InboxHandler = (activity: ApActivity, ctx: InboxContext) => Promise<InboxOutcome | void>;

/** Keys that carry the object type: `Create/Note`, `Undo/Like`... (see CONTRACT.md). */
const TYPED = new Set(['Create', 'Update', 'Undo']);

/** Activity type (or `Type/ObjectType`) → handler. One handler per key. */
export class InboxRegistry {
  private readonly handlers = new Map<string, InboxHandler>();
  /**
   * How a remote actor that deleted itself is removed. The default drops the row (the database
   * cascades to its account, channels, videos and comments); the objects code replaces it to also
   * drop copied files and tell listeners about the videos.
   */
  removeActor: (actor: ActorModel) => Promise<void> = async (actor) => {
    await actor.destroy();
  };

  register(key: string, handler: InboxHandler): void {
    if (this.handlers.has(key)) throw new Error(`an inbox handler is already registered for ${key}`);
    this.handlers.set(key, handler);
  }

  async dispatch(activity: ApActivity, ctx: InboxContext): Promise<InboxOutcome> {
    const objectType = apObjectType(activity.object);
    const keys = TYPED.has(activity.type) && objectType ? [`${activity.type}/${objectType}`, activity.type] : [activity.type];
    for (const key of keys) {
      const handler = this.handlers.get(key);
      if (handler) return (await handler(activity, ctx)) ?? { ok: true };
    }
    return { skipped: `no handler for ${keys[0]}` };
  }
}

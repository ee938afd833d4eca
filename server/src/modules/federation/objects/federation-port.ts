/**
 * The part of the federation core (see ../CONTRACT.md) the objects code uses, written as an
 * interface so the objects code depends on behaviour, not on the core's classes.
 */
export interface ActorRef {
  id: number;
  type: string;
  url: string;
  /** null for local actors. */
  host: string | null;
  preferredUsername: string;
  inboxUrl: string;
  sharedInboxUrl: string | null;
  followersUrl: string;
}

export interface InboxActivity {
  id: string;
  type: string;
  actor: string;
  object: unknown;
  to: string[];
  cc: string[];
  [key: string]: unknown;
}

export interface InboxCtx {
  signer: ActorRef;
  inboxOwner: ActorRef | null;
  forwarded: boolean;
  /** Read unsigned from an outbox during a backfill. */
  crawled?: boolean;
}

export type InboxOutcome = { ok: true } | { skipped: string };
export type InboxHandler = (activity: InboxActivity, ctx: InboxCtx) => Promise<InboxOutcome>;

export interface FederationApi {
  registerInboxHandler(key: string, handler: InboxHandler): void;
  sendToFollowers(
    localActorId: number,
    activity: object,
    opts?: { alsoFollowersOf?: number[]; except?: number[]; orderKey?: string },
  ): Promise<unknown>;
  sendTo(
    localActorId: number,
    targets: Array<number | string>,
    activity: object,
    opts?: { personal?: boolean; orderKey?: string },
  ): Promise<unknown>;
  forward(rawActivity: object, toFollowersOf: number[], except: number[]): Promise<unknown>;
  signedFetch(url: string): Promise<unknown>;
  resolveRemoteActor(urlOrHandle: string, opts?: { refresh?: boolean }): Promise<ActorRef>;
  getAccountIdOfActor(actorId: number): Promise<number | null>;
  getChannelIdOfActor(actorId: number): Promise<number | null>;
  getInstanceActor(): Promise<ActorRef>;
  getLocalActorForAccount(accountId: number): Promise<ActorRef>;
  followedActorIds(followerActorId: number, opts: { state: 'accepted' }): Promise<number[]>;
  setRemoteActorRemover(remove: (actor: ActorRef & { destroy(): Promise<unknown> }) => Promise<void>): void;
  setOutboxProvider(provider: (actor: ActorRef, start: number, count: number) => Promise<{ total: number; items: unknown[] }>): void;
}

export const skipped = (reason: string): InboxOutcome => ({ skipped: reason });
export const ok: InboxOutcome = { ok: true };

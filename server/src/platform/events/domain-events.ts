/**
 * Every in-process domain event and its payload. Services emit these after their
 * transaction commits; other modules subscribe instead of being imported by the emitter
 * (transcoding does not know notifications exist, users do not know lives exist).
 */
export interface DomainEventMap {
  /** A video became playable for the first time after transcoding. */
  'video-published': { videoId: number };
  /** A new version of an already published video replaced its files (federation sends an Update). */
  'video-files-replaced': { videoId: number };
  /** A video was deleted (rows and files are gone); pending work about it should stop. */
  'video-deleted': { videoId: number };
  /** Transcoding gave up on a video version (the video shows transcodingError). */
  'video-transcoding-failed': { videoId: number };
  /** `POST /users/register` created a user (open sign-up). */
  'user-registered': { userId: number };
  /**
   * A moderator banned a user. Tokens are already revoked; subscribers cut what is still
   * running for that user. Hook for lives: the live module must end the user's sessions here.
   */
  'user-banned': { userId: number };
  'comment-created': { commentId: number };
  /** A comment held for review was approved: it is now visible to everyone who may see the video. */
  'comment-approved': { commentId: number };
  'abuse-created': { abuseId: number };
  'abuse-state-changed': { abuseId: number };
  'abuse-message-created': { abuseId: number; messageId: number; byModerator: boolean };
  'video-blocked': { videoId: number; blacklistId: number };
  'video-unblocked': { videoId: number };
  'registration-requested': { registrationId: number };
  /** A local account rated a video (federation sends Like/Dislike/Undo to a remote video's origin). */
  'video-rated': { videoId: number; accountId: number; rating: 'like' | 'dislike' | 'none'; previous: string | null };
  /** A new view was counted (federation batches views of remote videos for their origin). */
  'video-viewed': { videoId: number };
  /** A comment was deleted (row gone or turned into a tombstone); `url` is its AP id when remote. */
  'comment-deleted': { commentId: number; videoId: number; url: string | null; authorAccountId: number | null };
  /** A live was created or its state changed (waiting, streaming, ended): federation re-sends it. */
  'live-state-changed': { videoId: number };
  /** A remote video was read through the API (federation refreshes stale copies from their origin). */
  'remote-video-read': { videoId: number };
  /** A remote account or channel was read through the API (federation refreshes stale actors). */
  'remote-actor-read': { actorId: number };
}

export type DomainEventName = keyof DomainEventMap;
type Listener<K extends DomainEventName> = (payload: DomainEventMap[K]) => Promise<unknown> | unknown;

/**
 * Tiny typed publish/subscribe within one process. `emit` waits for the listeners so a
 * request finishes with its side effects done (tests and clients see them at once), but
 * a failing listener is logged and never fails the emitter: the change is committed.
 */
export class DomainEvents {
  private readonly listeners = new Map<DomainEventName, Array<Listener<never>>>();

  constructor(private readonly logger: { error(obj: object, msg: string): void }) {}

  on<K extends DomainEventName>(name: K, listener: Listener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(name, list);
  }

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        await (listener as Listener<K>)(payload);
      } catch (err) {
        this.logger.error({ err, event: name, payload }, 'domain event listener failed');
      }
    }
  }
}

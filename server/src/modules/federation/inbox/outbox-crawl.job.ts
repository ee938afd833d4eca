import { apActivityBase, apCollectionSchema } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import type { RemoteActors } from '../actors/remote-actors';
import type { FederationHttp } from '../http/federation-http';
import { isSameOrigin } from '../origin';
import { isActorBlocked } from './blocked';
import type { InboxRegistry } from './inbox-registry';
import { originViolation } from './origin-checks';

/** Bounds of one backfill: PeerTube reads up to 2000 pages; a first sync of recent items is enough here. */
const MAX_PAGES = 20;
const MAX_ITEMS = 200;
/** Unsigned activities read from an outbox are trusted only for these types (as PeerTube, spec §7). */
const CRAWLABLE = new Set(['Create', 'Announce']);

/**
 * Backfill after one of our follows is accepted: reads the target's outbox and runs its Create and
 * Announce activities through the inbox handlers. Items are not signed, so each must come from an
 * actor of the outbox's host and pass the same origin rules as inbox activities.
 */
export function outboxCrawlJob(ctx: AppContext, registry: InboxRegistry, remote: RemoteActors, http: FederationHttp) {
  const pageOf = (value: unknown) => (typeof value === 'string' ? http.signedFetch(value) : Promise.resolve(value));

  return defineJob({
    name: 'activitypub-crawl-outbox',
    concurrency: 2,
    attempts: 2,
    backoffMs: 60_000,
    async handler({ outboxUrl }) {
      const root = apCollectionSchema.safeParse(await http.signedFetch(outboxUrl));
      if (!root.success) return;
      let next: unknown = root.data.first ?? root.data;
      let seen = 0;
      for (let pages = 0; next && pages < MAX_PAGES && seen < MAX_ITEMS; pages++) {
        const page = apCollectionSchema.safeParse(await pageOf(next));
        if (!page.success) return;
        for (const raw of page.data.orderedItems ?? page.data.items ?? []) {
          if (++seen > MAX_ITEMS) break;
          const item = apActivityBase.safeParse(raw);
          if (!item.success || !CRAWLABLE.has(item.data.type) || !isSameOrigin(item.data.actor, outboxUrl)) continue;
          if (originViolation(item.data)) continue;
          try {
            const signer = await remote.resolve(item.data.actor);
            if (await isActorBlocked(signer)) continue;
            await registry.dispatch(item.data, { signer, inboxOwner: null, forwarded: false, crawled: true });
          } catch (err) {
            ctx.logger.info({ err, activity: item.data.id }, 'outbox item skipped');
          }
        }
        next = page.data.next !== page.data.id ? page.data.next : undefined;
      }
    },
  });
}

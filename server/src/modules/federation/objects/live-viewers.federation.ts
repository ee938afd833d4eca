import { randomUUID } from 'node:crypto';
import { apRef, AS_PUBLIC, viewActivitySchema } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { redisKey } from '../../../platform/redis';
import type { LiveViewerCounts } from '../../live';
import { VideoModel } from '../../videos';
import { contextWith, VIEW_CONTEXT } from './ap-contexts';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';
import { involvedActorIds, videoOwnerActorIds } from './video.inbox';

/** A heartbeat counts until `expires` (PeerTube: now + 2 minutes); it is renewed before that. */
const VIEWER_TTL_MS = 2 * 60_000;
const HEARTBEAT_MS = 60_000;
/** Viewer changes are sent at most this often per video (a crowd joining makes one View). */
const DEBOUNCE_MS = 1_000;
const MAX_VIEWERS_PER_INSTANCE = 100_000;

/** Where the live module publishes counts (`views-change` on `/live-videos`). */
export interface LiveViewerHub {
  /** Viewers of the live in every web process of this instance. */
  instanceViewers(videoId: number): Promise<number>;
  publishViewers(videoId: number): void;
  useViewerCounts(counts: LiveViewerCounts): void;
}

/** `expires` (or legacy `expiration`) marks a live-viewer heartbeat rather than a view. */
export const isViewerHeartbeat = (activity: InboxActivity) => activity.expires !== undefined || activity.expiration !== undefined;

/**
 * Live viewer counts across instances (spec §6.7, viewer protocol v2). An instance watching a
 * remote live sends its origin a `View` with `expires` and `result.userInteractionCount` = its own
 * viewers, renewed every minute while it has some (0 when the last one leaves). The origin adds
 * the unexpired counts of each instance to its own viewers and sends the total, the same way, to
 * the followers of the video's actors; they show that total instead of their own count.
 */
export class LiveViewersFederation implements LiveViewerCounts {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
    private readonly hub: LiveViewerHub,
  ) {}

  private key(...parts: Array<string | number>) {
    return redisKey(this.ctx.config, 'fedlive', ...parts);
  }

  private liveVideo(videoId: number) {
    return VideoModel.findOne({ where: { id: videoId, isLive: true } });
  }

  async total(videoId: number, local: number): Promise<number> {
    const video = await VideoModel.findByPk(videoId, { attributes: ['id', 'remote', 'isLive'] });
    if (!video?.isLive) return local;
    if (video.remote) {
      // The origin's total already includes what we reported.
      const origin = await this.ctx.redis.get(this.key('origin', videoId));
      return origin === null ? local : Math.max(Number(origin), local);
    }
    return local + (await this.remoteViewers(videoId));
  }

  /** Sum of the unexpired counts remote instances reported for a local live. */
  private async remoteViewers(videoId: number): Promise<number> {
    const entries = await this.ctx.redis.hgetall(this.key('remote', videoId));
    const now = this.ctx.now().getTime();
    let sum = 0;
    for (const value of Object.values(entries)) {
      const [count, expires] = value.split(':').map(Number);
      if (expires > now) sum += count;
    }
    return sum;
  }

  localChanged(videoId: number): void {
    void this.schedule(videoId, DEBOUNCE_MS).catch((err: unknown) => this.ctx.logger.warn({ err }, 'live viewers: cannot schedule'));
  }

  private async schedule(videoId: number, delay: number): Promise<void> {
    // The lock lapses just before the job runs, so the job can schedule the next heartbeat.
    const claimed = await this.ctx.redis.set(this.key('scheduled', delay, videoId), '1', 'PX', Math.max(1, delay - 200), 'NX');
    if (claimed === 'OK') await this.ctx.queue.add('federation-live-viewers', { videoId }, { delay });
  }

  /** Job: report our viewers to the origin (remote live) or the total to followers (local live). */
  async send(videoId: number): Promise<void> {
    const video = await this.liveVideo(videoId);
    if (!video) return;
    const local = await this.hub.instanceViewers(videoId);
    const instance = await this.fed.getInstanceActor();
    const view = (count: number, to: string[]) => ({
      '@context': contextWith(VIEW_CONTEXT),
      type: 'View',
      id: `${instance.url}/views/videos/${video.id}/${randomUUID()}`,
      actor: instance.url,
      object: video.url,
      expires: new Date(this.ctx.now().getTime() + VIEWER_TTL_MS).toISOString(),
      result: { type: 'InteractionCounter', interactionType: 'WatchAction', userInteractionCount: count },
      to,
      cc: [],
    });
    // Views keep their own order key: they must not race the video's Create/Update deliveries.
    const orderKey = `${video.url}#viewers`;
    let count: number;
    if (video.remote) {
      const [, ownerActorId] = await videoOwnerActorIds(video);
      if (!ownerActorId) return;
      count = local;
      const sent = await this.ctx.redis.getset(this.key('reported', videoId), String(count));
      // Nothing to renew when nobody watches and the origin already knows it.
      if (count > 0 || sent !== '0') await this.fed.sendTo(instance.id, [ownerActorId], view(count, []), { orderKey });
    } else {
      count = local + (await this.remoteViewers(videoId));
      const involved = await involvedActorIds(this.fed, video);
      await this.fed.sendToFollowers(instance.id, view(count, [AS_PUBLIC]), {
        alsoFollowersOf: involved,
        orderKey,
      });
    }
    if (count > 0) await this.schedule(videoId, HEARTBEAT_MS);
  }

  /** A View with `expires`: a remote instance's viewers of our live, or the origin's total of its live. */
  async receive(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const parsed = viewActivitySchema.safeParse(activity);
    if (!parsed.success) return skipped('invalid View');
    const view = parsed.data;
    const url = apRef.parse(view.object);
    const video = await VideoModel.findOne({ where: { url }, attributes: ['id', 'url', 'remote', 'isLive'] });
    if (!video?.isLive) return skipped('not a known live');
    const expires = Math.min(Date.parse(view.expires ?? view.expiration ?? ''), this.ctx.now().getTime() + VIEWER_TTL_MS);
    if (!Number.isFinite(expires) || expires <= this.ctx.now().getTime()) return skipped('expired viewer heartbeat');
    // Legacy senders send one View per viewer without a counter.
    const count = Math.min(view.result?.userInteractionCount ?? 1, MAX_VIEWERS_PER_INSTANCE);
    if (video.remote) {
      // Only the origin's instance may tell us the total of its live.
      if (inbox.signer.host !== new URL(video.url).host) return skipped('viewer count not from the live’s origin');
      await this.ctx.redis.set(this.key('origin', video.id), String(count), 'PX', expires - this.ctx.now().getTime());
    } else {
      const field = view.result ? inbox.signer.url : view.id;
      await this.ctx.redis.hset(this.key('remote', video.id), field, `${count}:${expires}`);
      await this.ctx.redis.pexpire(this.key('remote', video.id), VIEWER_TTL_MS);
      await this.schedule(video.id, DEBOUNCE_MS);
    }
    this.hub.publishViewers(video.id);
    return ok;
  }
}

export function liveViewersJob(viewers: LiveViewersFederation) {
  return defineJob({
    name: 'federation-live-viewers',
    attempts: 1,
    async handler({ videoId }) {
      await viewers.send(videoId);
    },
  });
}

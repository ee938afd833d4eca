import { randomUUID } from 'node:crypto';
import { apRef, viewActivitySchema } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { redisKey } from '../../../platform/redis';
import { ActorModel } from '../../actors';
import { VideoModel } from '../../videos';
import { contextWith, VIEW_CONTEXT } from './ap-contexts';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';
import type { VideoCounters } from './video-counters';
import { videoOwnerActorIds } from './video.inbox';

/** Upper bound of views one View may carry, so a hostile instance cannot add millions at once. */
const MAX_VIEWS_PER_ACTIVITY = 10_000;

/**
 * Views of remote videos reach their origin batched: the first view of a window schedules one
 * job at the end of it, which sends a single `View` carrying the count (PeerTube sends one
 * View per view). Counting happens in Redis, so every web process adds to the same batch.
 */
export class ViewFederation {
  /** videoId → remote?, so a local view costs no query. */
  private readonly remoteCache = new Map<number, boolean>();

  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
    private readonly intervalMs: number,
    private readonly counters?: VideoCounters,
  ) {}

  private key(...parts: Array<string | number>) {
    return redisKey(this.ctx.config, 'fedviews', ...parts);
  }

  private async isRemote(videoId: number): Promise<boolean> {
    let remote = this.remoteCache.get(videoId);
    if (remote === undefined) {
      remote = !!(await VideoModel.findByPk(videoId, { attributes: ['remote'] }))?.remote;
      if (this.remoteCache.size > 10_000) this.remoteCache.clear();
      this.remoteCache.set(videoId, remote);
    }
    return remote;
  }

  async viewed(videoId: number): Promise<void> {
    if (!(await this.isRemote(videoId))) {
      await this.counters?.changed(videoId);
      return;
    }
    const res = await this.ctx.redis
      .multi()
      .incr(this.key('count', videoId))
      .set(this.key('window', videoId), '1', 'PX', this.intervalMs, 'NX')
      .exec();
    const opened = res?.[1]?.[1];
    if (opened === 'OK') {
      await this.ctx.queue.add('federation-send-views', { videoId }, { delay: this.intervalMs });
    }
  }

  /** Job: one View with the window's count, to the video owner's inbox. */
  async send(videoId: number): Promise<number> {
    const count = Number(await this.ctx.redis.getdel(this.key('count', videoId)));
    if (!count) return 0;
    const video = await VideoModel.findByPk(videoId);
    if (!video?.remote) return 0;
    const [, ownerAccountActorId] = await videoOwnerActorIds(video);
    const owner = await ActorModel.findByPk(ownerAccountActorId);
    if (!owner) return 0;
    const instance = await this.fed.getInstanceActor();
    await this.fed.sendTo(instance.id, [owner.id], {
      '@context': contextWith(VIEW_CONTEXT),
      type: 'View',
      id: `${instance.url}/views/videos/${video.id}/${randomUUID()}`,
      actor: instance.url,
      object: video.url,
      result: { type: 'InteractionCounter', interactionType: 'WatchAction', userInteractionCount: count },
      to: [owner.url],
      cc: [],
    });
    return count;
  }

  async receive(activity: InboxActivity, _inbox: InboxCtx): Promise<InboxOutcome> {
    const parsed = viewActivitySchema.safeParse(activity);
    if (!parsed.success) return skipped('invalid View');
    const view = parsed.data;
    // `expires` marks a live-viewer heartbeat, not a view.
    if (view.expires || view.expiration) return skipped('live viewer heartbeat');
    const url = apRef.parse(view.object);
    const video = await VideoModel.findOne({ where: { url }, attributes: ['id', 'remote'] });
    if (!video || video.remote) return skipped('not a local video');
    const n = Math.min(view.result?.userInteractionCount ?? 1, MAX_VIEWS_PER_ACTIVITY);
    if (n > 0) await this.ctx.sequelize.query('UPDATE videos SET views = views + :n WHERE id = :id', { replacements: { n, id: video.id } });
    await this.counters?.changed(video.id);
    return ok;
  }
}

export function sendViewsJob(views: ViewFederation) {
  return defineJob({
    name: 'federation-send-views',
    attempts: 3,
    backoffMs: 5_000,
    async handler({ videoId }) {
      await views.send(videoId);
    },
  });
}

import { QueryTypes } from 'sequelize';
import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { redisKey } from '../../../platform/redis';
import { ActorModel } from '../../actors';
import { removeVideoImage, VideoModel } from '../../videos';
import { FederationFetchError } from '..';
import type { FederationApi } from './federation-port';
import type { RemoteVideoResolver } from './remote-video.resolver';

/** The origin says the object is gone for good: our copy goes too (spec §9.3). */
const isGone = (err: unknown) => err instanceof FederationFetchError && (err.status === 404 || err.status === 410);

/** A remote video was stored from its origin now: it counts as fresh for one interval. */
export async function markVideoSynced(ctx: AppContext, videoId: number): Promise<void> {
  await ctx.redis.set(redisKey(ctx.config, 'fedsynced', 'video', videoId), '1', 'PX', ctx.config.federation.refresh_interval);
}

/**
 * Remote copies read after `federation.refresh_interval` are fetched again from their origin in
 * a background job, so a change (or a deletion) that never reached us still shows up. One job
 * per object per interval: the Redis key that marks a copy fresh is also the de-duplication lock.
 */
export class RemoteRefresh {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
    private readonly videos: RemoteVideoResolver,
  ) {}

  private get interval(): number {
    return this.ctx.config.federation.refresh_interval;
  }

  async videoRead(videoId: number): Promise<void> {
    // Absent key = last sync older than the interval (or never recorded): claim it and refresh.
    const claimed = await this.ctx.redis.set(redisKey(this.ctx.config, 'fedsynced', 'video', videoId), '1', 'PX', this.interval, 'NX');
    if (claimed === 'OK') await this.ctx.queue.add('federation-refresh-video', { videoId });
  }

  async actorRead(actorId: number): Promise<void> {
    const actor = await ActorModel.findByPk(actorId, { attributes: ['id', 'host', 'remoteUpdatedAt', 'updatedAt'] });
    if (!actor?.host) return;
    const syncedAt = (actor.remoteUpdatedAt ?? actor.updatedAt).getTime();
    if (this.ctx.now().getTime() - syncedAt < this.interval) return;
    const claimed = await this.ctx.redis.set(redisKey(this.ctx.config, 'fedrefresh', 'actor', actorId), '1', 'PX', this.interval, 'NX');
    if (claimed === 'OK') await this.ctx.queue.add('federation-refresh-actor', { actorId });
  }

  /** Signed GET of the video by its id; 404/410 or a Tombstone deletes our copy, other failures wait for the next read. */
  async refreshVideo(videoId: number): Promise<'updated' | 'deleted' | 'skipped'> {
    const video = await VideoModel.findByPk(videoId);
    if (!video?.remote) return 'skipped';
    try {
      const body = (await this.fed.signedFetch(video.url)) as { type?: unknown } | null;
      if (body?.type === 'Tombstone') {
        await this.videos.store.remove(video);
        return 'deleted';
      }
      await this.videos.saveFetched(video.url, body);
      return 'updated';
    } catch (err) {
      if (!isGone(err)) {
        this.ctx.logger.info({ video: video.url, err: (err as Error).message }, 'remote video refresh failed; kept as is');
        return 'skipped';
      }
      await this.videos.store.remove(video);
      return 'deleted';
    }
  }

  /** Fetches the actor again (through the core); 404/410 deletes it with its account or channel, videos and comments. */
  async refreshActor(actorId: number): Promise<'updated' | 'deleted' | 'skipped'> {
    const actor = await ActorModel.findByPk(actorId);
    if (!actor?.host) return 'skipped';
    try {
      await this.fed.resolveRemoteActor(actor.url, { refresh: true });
      return 'updated';
    } catch (err) {
      if (!isGone(err)) {
        this.ctx.logger.info({ actor: actor.url, err: (err as Error).message }, 'remote actor refresh failed; kept as is');
        return 'skipped';
      }
      await removeRemoteActor(this.ctx, actor);
      return 'deleted';
    }
  }
}

/**
 * Deletes a remote actor (gone at its origin, or a `Delete` of itself); the database cascades to
 * its account or channels, their videos and comments; the videos' copied images go too.
 */
export async function removeRemoteActor(
  ctx: AppContext,
  actor: Pick<ActorModel, 'id' | 'host'> & { destroy(): Promise<unknown> },
): Promise<void> {
  if (!actor.host) throw new Error('refusing to remove a local actor');
  const videos = await ctx.sequelize.query<{ id: number; thumbnail: string | null; preview: string | null }>(
    `SELECT v.id, v.thumbnail_filename AS thumbnail, v.preview_filename AS preview
       FROM videos v JOIN video_channels c ON c.id = v.channel_id
      JOIN accounts a ON a.id = c.account_id
     WHERE c.actor_id = :actorId OR a.actor_id = :actorId`,
    { replacements: { actorId: actor.id }, type: QueryTypes.SELECT },
  );
  await actor.destroy();
  // Listeners (outbox, views, live) drop what they still hold about these videos.
  for (const { id, thumbnail, preview } of videos) {
    await removeVideoImage(ctx, 'thumbnail', thumbnail);
    await removeVideoImage(ctx, 'preview', preview);
    await ctx.events.emit('video-deleted', { videoId: id });
  }
}

export function refreshJobs(refresh: RemoteRefresh) {
  return [
    defineJob({
      name: 'federation-refresh-video',
      attempts: 1,
      async handler({ videoId }) {
        await refresh.refreshVideo(videoId);
      },
    }),
    defineJob({
      name: 'federation-refresh-actor',
      attempts: 1,
      async handler({ actorId }) {
        await refresh.refreshActor(actorId);
      },
    }),
  ] as const;
}

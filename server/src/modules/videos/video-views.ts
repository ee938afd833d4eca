import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context';
import { defineJob } from '../../platform/queue';
import { redisKey } from '../../platform/redis';

/**
 * Views are counted in Redis (cheap, shared by every web process) and flushed to
 * PostgreSQL in batches, so a popular video does not turn into a row-lock hot spot.
 */
export class VideoViews {
  constructor(private readonly ctx: AppContext) {}

  private key(...parts: Array<string | number>) {
    return redisKey(this.ctx.config, 'views', ...parts);
  }

  /** Returns true when this call counted a new view. */
  async addView(videoId: number, viewer: { ip: string; userId?: number; sessionId?: string }): Promise<boolean> {
    const who = createHash('sha256')
      .update(viewer.userId ? `u${viewer.userId}` : `${viewer.ip}|${viewer.sessionId ?? ''}`)
      .digest('hex')
      .slice(0, 32);
    const fresh = await this.ctx.redis.set(this.key('seen', videoId, who), '1', 'PX', this.ctx.config.views.videos.view_expiration, 'NX');
    if (fresh !== 'OK') return false;
    await this.ctx.redis.multi().incr(this.key('pending', videoId)).sadd(this.key('dirty'), String(videoId)).exec();
    await this.ctx.events.emit('video-viewed', { videoId });
    return true;
  }

  /** Moves pending counts into the videos table; safe to run concurrently or twice. */
  async flush(): Promise<number> {
    const ids = await this.ctx.redis.spop(this.key('dirty'), 1000);
    let flushed = 0;
    for (const id of ids) {
      const n = Number(await this.ctx.redis.getdel(this.key('pending', id)));
      if (!n) continue;
      await this.ctx.sequelize.query('UPDATE videos SET views = views + :n WHERE id = :id', { replacements: { n, id: Number(id) } });
      flushed += n;
    }
    return flushed;
  }
}

export function flushVideoViewsJob(views: VideoViews) {
  return defineJob({
    name: 'flush-video-views',
    async handler() {
      await views.flush();
    },
  });
}

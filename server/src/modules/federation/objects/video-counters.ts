import type { AppContext } from '../../../platform/context';
import { defineJob } from '../../../platform/queue';
import { redisKey } from '../../../platform/redis';
import type { VideoOutbox } from './video-outbox';

/**
 * Views and likes change a local video's counters; followers learn the new values from an
 * `Update` of the video (spec §6.3). One Update per video per window, whatever the traffic.
 */
export class VideoCounters {
  constructor(
    private readonly ctx: AppContext,
    private readonly windowMs: number,
  ) {}

  async changed(videoId: number): Promise<void> {
    const key = redisKey(this.ctx.config, 'fedcounters', videoId);
    const opened = await this.ctx.redis.set(key, '1', 'PX', this.windowMs, 'NX');
    if (opened === 'OK') await this.ctx.queue.add('federation-video-counters', { videoId }, { delay: this.windowMs });
  }
}

export function videoCountersJob(outbox: VideoOutbox) {
  return defineJob({
    name: 'federation-video-counters',
    attempts: 3,
    backoffMs: 5_000,
    async handler({ videoId }) {
      await outbox.sync(videoId);
    },
  });
}

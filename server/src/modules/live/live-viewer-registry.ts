import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A process that stopped refreshing its counts (killed) stops counting after this. */
const STALE_MS = 90_000;
const REFRESH_MS = 30_000;

/**
 * Viewers of each live across the web processes of the instance. Viewer sockets are spread
 * over the processes behind the proxy, and jobs that report counts (federation) run in
 * workers without sockets: each web process writes its own count of a video's viewers into
 * one Redis hash per video (`<count>:<written at>`), and the instance's count is the sum of
 * the fresh fields. Counts are refreshed while non-zero, so a killed process's viewers
 * disappear within STALE_MS.
 */
export class LiveViewerRegistry {
  private readonly field = randomUUID();
  private readonly mine = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (videoId: number) => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records this process's viewers of a video. */
  async setLocal(videoId: number, count: number): Promise<void> {
    if (count > 0) {
      this.mine.set(videoId, count);
      this.startRefreshing();
      await this.write(videoId, count);
    } else {
      this.mine.delete(videoId);
      await this.redis.hdel(this.keyOf(videoId), this.field);
    }
  }

  /** Viewers of the video in every web process. */
  async total(videoId: number): Promise<number> {
    const entries = await this.redis.hgetall(this.keyOf(videoId));
    const fresh = this.now() - STALE_MS;
    let sum = 0;
    for (const value of Object.values(entries)) {
      const [count, at] = value.split(':').map(Number);
      if (at! > fresh && Number.isFinite(count)) sum += count!;
    }
    return sum;
  }

  /** Shutdown: this process's viewers are gone with its sockets. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.mine.keys()].map((id) => this.redis.hdel(this.keyOf(id), this.field).catch(() => 0)));
    this.mine.clear();
  }

  private async write(videoId: number, count: number): Promise<void> {
    const key = this.keyOf(videoId);
    await this.redis
      .multi()
      .hset(key, this.field, `${count}:${this.now()}`)
      .pexpire(key, 2 * STALE_MS)
      .exec();
  }

  private startRefreshing(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const [id, count] of this.mine) void this.write(id, count).catch(() => undefined);
    }, REFRESH_MS);
    this.timer.unref();
  }
}

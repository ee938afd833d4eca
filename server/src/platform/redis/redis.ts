import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config';

/** Connection options shared by the app's client and BullMQ's connections. */
export function redisOptions(config: Config): RedisOptions & { url?: string } {
  const r = config.redis;
  if (r.url) {
    const u = new URL(r.url);
    return {
      host: u.hostname,
      port: Number(u.port || 6379),
      password: u.password ? decodeURIComponent(u.password) : undefined,
      username: u.username ? decodeURIComponent(u.username) : undefined,
      db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    };
  }
  return { host: r.hostname, port: r.port, password: r.auth || undefined, db: r.db };
}

export function createRedis(config: Config, extra: RedisOptions = {}): Redis {
  return new Redis({ ...redisOptions(config), lazyConnect: false, ...extra });
}

/** Key under this instance's prefix, so several instances can share one Redis. */
export function redisKey(config: Config, ...parts: Array<string | number>): string {
  return [config.redis.prefix, ...parts].join(':');
}

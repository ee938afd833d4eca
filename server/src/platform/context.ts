import type { Redis } from 'ioredis';
import type { Sequelize } from 'sequelize';
import type { Config } from './config';
import type { DomainEvents } from './events';
import type { Logger } from './logger';
import type { JobQueue } from './queue';
import type { StorageDirs } from './storage';

/**
 * What every module is built from. Passed explicitly so dependencies stay visible
 * and tests can run several instances in one machine.
 */
export interface AppContext {
  config: Config;
  logger: Logger;
  sequelize: Sequelize;
  redis: Redis;
  queue: JobQueue;
  /** In-process domain events: modules react to each other's changes without importing each other. */
  events: DomainEvents;
  dirs: StorageDirs;
  /** Injectable clock. */
  now: () => Date;
  /** Public origin, e.g. http://localhost:9000 (no trailing slash). */
  publicUrl: string;
  /** Public host as used in handles: hostname plus port when it is not the default one. */
  publicHost: string;
}

export function publicOrigin(config: Config): { url: string; host: string } {
  const { https, hostname, port } = config.webserver;
  const defaultPort = https ? 443 : 80;
  const host = port === defaultPort ? hostname : `${hostname}:${port}`;
  return { url: `${https ? 'https' : 'http'}://${host}`, host };
}

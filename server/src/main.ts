import { resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import { ensureRootUser } from './bootstrap';
import { initModels } from './models';
import { createServices } from './services';
import { migrations } from './migrations';
import { LiveIngestLease } from './modules/live';
import { watchdogInterval } from './modules/runners';
import { pendingFollowsCheckEvery } from './modules/federation';
import { trackerClientIp } from './modules/p2p';
import { ConfigError, loadConfig } from './platform/config';
import { publicOrigin, type AppContext } from './platform/context';
import { createSequelize, databaseUrl, ensureDatabaseExists, runMigrations } from './platform/db';
import { DomainEvents } from './platform/events';
import { createLogger } from './platform/logger';
import { JobQueue } from './platform/queue';
import { createRedis } from './platform/redis';
import { ensureStorageDirs, storageDirs } from './platform/storage';

/** Boot order: config → storage → database + migrations → Redis → services → HTTP → workers. */
async function main(): Promise<void> {
  const config = loadConfig({ configDir: process.env.PT_CONFIG_DIR ?? resolve(__dirname, '../../config') });
  const logger = createLogger(config.log.level);
  const dirs = storageDirs(config);
  await ensureStorageDirs(dirs);

  const url = databaseUrl(config);
  if (await ensureDatabaseExists(url)) logger.info('created the database');
  const sequelize = createSequelize(config, logger);
  await sequelize.authenticate();
  await runMigrations(sequelize, migrations, logger);
  initModels(sequelize);

  const redis = createRedis(config);
  const queue = new JobQueue(config, logger);
  const origin = publicOrigin(config);
  const ctx: AppContext = {
    config,
    logger,
    sequelize,
    redis,
    queue,
    events: new DomainEvents(logger),
    dirs,
    now: () => new Date(),
    publicUrl: origin.url,
    publicHost: origin.host,
  };
  const services = createServices(ctx);
  queue.assertComplete();
  await ensureRootUser(ctx, services);

  let server: Server | undefined;
  let ingestLease: LiveIngestLease | undefined;
  if (config.roles.web) {
    const { app, handle } = createApp(ctx, services);
    server = await new Promise<Server>((ok, fail) => {
      const s = createServer(handle);
      s.once('error', fail);
      s.listen(config.listen.port, config.listen.hostname, () => ok(s));
    });
    // socket.io namespaces (runners, lives…) were registered by the modules in createServices.
    services.realtime.attach(server);
    services.tracker.attach(server, trackerClientIp(app));
    // Lives: the web process holding the ingest lease ends the sessions a dead holder left open
    // (replays kept), then opens RTMP; other web processes take over if it dies.
    const manager = services.live.manager;
    ingestLease = new LiveIngestLease(redis, `${config.redis.prefix}:live:ingest`, logger);
    await ingestLease.start({
      acquired: async () => {
        await manager.recover();
        if (config.live.enabled) await manager.listen();
      },
      lost: () => manager.close(),
    });
    logger.info({ port: config.listen.port }, 'listening');
    process.stdout.write(`Shoal is listening on ${origin.url} (port ${config.listen.port})\n`);
  }
  if (config.roles.worker) {
    queue.startWorkers();
    await queue.queue('cleanup-expired-tokens').upsertJobScheduler('hourly', { every: 3_600_000 }, { data: {} });
    await queue.queue('flush-video-views').upsertJobScheduler('every-10s', { every: 10_000 }, { data: {} });
    await queue.queue('cleanup-upload-sessions').upsertJobScheduler('hourly', { every: 3_600_000 }, { data: {} });
    const watchdogEvery = watchdogInterval(config.remote_runners.stalled_jobs);
    await queue.queue('runner-jobs-watchdog').upsertJobScheduler('stalled', { every: watchdogEvery }, { data: {} });
    const pendingFollowsEvery = pendingFollowsCheckEvery(config.federation.pending_follow_resend_interval);
    await queue.queue('federation-resend-pending-follows').upsertJobScheduler('pending', { every: pendingFollowsEvery }, { data: {} });
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const closing = server ? new Promise((r) => server!.close(r)) : Promise.resolve();
    server?.closeIdleConnections();
    services.runners.socket.close();
    services.realtime.close();
    services.tracker.close();
    await services.live.manager.close();
    await ingestLease?.stop();
    await services.live.viewers.close();
    await queue.close(config.jobs.shutdown_timeout);
    await closing;
    await redis.quit().catch(() => undefined);
    await sequelize.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Shoal cannot start: ${err.message}\n`);
  } else {
    process.stderr.write(`Shoal failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});

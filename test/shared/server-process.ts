import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ShoalClient } from '@shoal/api-client';
import { waitFor } from './wait-for';

export const REPO_ROOT = resolve(__dirname, '../..');
export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.once('error', fail);
  });
}

async function pgAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface ServerOptions {
  /** YAML text merged over config/test.yaml. */
  configYaml?: string;
  env?: Record<string, string>;
  /** Extra node flags (benchmarks profile with `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

/**
 * One real Shoal server process with its own port, database, Redis prefix and
 * storage folder. Several can run side by side (federation tests).
 */
export class TestServer {
  readonly id = randomBytes(4).toString('hex');
  readonly dbName = `shoal_test_${this.id}`;
  readonly redisPrefix = `shoaltest-${this.id}`;
  readonly storageDir = mkdtempSync(join(tmpdir(), `shoal-test-${this.id}-`));
  port = 0;
  process?: ChildProcess;
  output = '';
  /** Logged in as root once started. */
  admin!: ShoalClient;

  constructor(private readonly opts: ServerOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** A client with no token. */
  anonymous(): ShoalClient {
    return new ShoalClient(this.url);
  }

  async start(): Promise<this> {
    if (!this.port) this.port = await freePort();
    const configFiles = [join(REPO_ROOT, 'config/test.yaml')];
    if (this.opts.configYaml) {
      const extra = join(this.storageDir, 'extra-config.yaml');
      writeFileSync(extra, this.opts.configYaml);
      configFiles.push(extra);
    }
    this.output = '';
    const child = spawn(process.execPath, [...(this.opts.nodeArgs ?? []), join(REPO_ROOT, 'server/dist/main.js')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PT_CONFIG: configFiles.join(','),
        PT_LISTEN_PORT: String(this.port),
        PT_PORT: String(this.port),
        PT_HOSTNAME: '127.0.0.1',
        PT_DATABASE_URL: `${PG_URL}/${this.dbName}`,
        PT_REDIS_URL: REDIS_URL,
        PT_REDIS_PREFIX: this.redisPrefix,
        PT_STORAGE_DIR: this.storageDir,
        PT_ADMIN_PASSWORD: ADMIN_PASSWORD,
        ...this.opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    const append = (b: Buffer) => {
      this.output = (this.output + b.toString()).slice(-200_000);
      if (process.env.TEST_SERVER_LOGS) process.stderr.write(b);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    const exited = new Promise<never>((_, fail) =>
      child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${this.output.slice(-4000)}`))),
    );
    await Promise.race([waitFor(() => this.output.includes('Shoal is listening'), { timeout: 60_000, what: 'server start' }), exited]);
    child.removeAllListeners('exit');
    this.admin = new ShoalClient(this.url);
    await this.admin.login('root', ADMIN_PASSWORD);
    return this;
  }

  /** Graceful stop (SIGTERM), as an operator would. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Abrupt death, to test recovery. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((r) => child.once('exit', r));
    child.kill(sig);
    await done;
    this.process = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Runs SQL against this server's database (assertions only; never to set up state the API can). */
  async sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: `${PG_URL}/${this.dbName}` });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Stops the process and removes its database, Redis keys and files. */
  async destroy(): Promise<void> {
    await this.kill();
    await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${this.dbName}" WITH (FORCE)`));
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
    rmSync(this.storageDir, { recursive: true, force: true });
  }
}

/** Starts `n` servers in parallel. */
export async function startServers(n: number, opts: ServerOptions = {}): Promise<TestServer[]> {
  return Promise.all(Array.from({ length: n }, () => new TestServer(opts).start()));
}

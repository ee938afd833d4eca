/**
 * API benchmark (scripts/bench/api): a real Shoal server with ~30 channels, loaded with
 * autocannon, next to a bare `node:http` server answering a fixed body of the same size.
 * The ratio to that baseline is what to compare across machines.
 *
 *   scripts/bench/api [--duration 10] [--connections 50] [--no-write] [--no-cache]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, REPO_ROOT, TestServer } from '../../test/shared/server-process';
import { seedChannels } from './seed';
import { machineInfo, writeReport, type BenchRow } from './report';

interface Options {
  duration: number;
  connections: number;
  write: boolean;
  /** Turns the channel list cache off, to measure the database path. */
  cache: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { duration: 10, connections: 50, write: true, cache: true };
  for (let i = 0; i < argv.length; i++) {
    const next = () => Number(argv[++i]);
    if (argv[i] === '--duration') opts.duration = next();
    else if (argv[i] === '--connections') opts.connections = next();
    else if (argv[i] === '--no-write') opts.write = false;
    else if (argv[i] === '--no-cache') opts.cache = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

/** The baseline: a separate Node process answering `body` as JSON, like Shoal runs in its own process. */
async function startBaseline(body: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const code = `const b = Buffer.from(process.env.BODY);
require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': b.length }); s.end(b); })
  .listen(${port}, '127.0.0.1', () => process.stdout.write('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, BODY: body }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (c) => fail(new Error(`baseline server exited with ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

/** CPU time (user + system, ms) a process has used; Linux only, undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s ticks
  } catch {
    return undefined;
  }
}

/**
 * One autocannon run. Server CPU per request is reported as well: unlike requests/s it
 * hardly moves when other work shares the machine.
 */
async function load(name: string, url: string, opts: Options, pid: number | undefined): Promise<BenchRow> {
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ url, connections: opts.connections, duration: opts.duration });
  const cpuAfter = cpuMs(pid);
  const non2xx = result.non2xx + result.errors + result.timeouts;
  if (non2xx > 0) process.stderr.write(`warning: ${name}: ${non2xx} failed or non-2xx responses\n`);
  const cpuUsPerRequest =
    cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
      ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
      : undefined;
  return {
    name,
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: non2xx,
    cpuUsPerRequest,
  };
}

function print(rows: BenchRow[], baseline: BenchRow): void {
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(28)} ${r.requestsPerSec.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   ` +
      `${((r.requestsPerSec / baseline.requestsPerSec) * 100).toFixed(1).padStart(5)} % of baseline   ` +
      `server CPU ${r.cpuUsPerRequest === undefined ? '?' : r.cpuUsPerRequest.toFixed(0)} µs/request`,
  );
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (loadavg()[0] > cpus().length) {
    process.stderr.write(
      `warning: load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs: other work will distort the figures\n`,
    );
  }
  const configYaml = [
    'log:\n  level: warn\n  log_http_requests: false',
    'rates_limit:\n  api:\n    window: 10 seconds\n    max: 100000000',
    `video_channels:\n  max_per_user: 50\n  list_cache_ttl: ${opts.cache ? "'10 seconds'" : 0}`,
  ].join('\n');
  const server = await new TestServer({ configYaml }).start();
  let baseline: { child: ChildProcess } | undefined;
  try {
    await seedChannels(server, 30);
    const channelsUrl = `${server.url}/api/v1/video-channels`;
    const sample = await (await fetch(channelsUrl)).text();
    const base = await startBaseline(sample);
    baseline = base;
    process.stdout.write(
      `Loading for ${opts.duration} s each with ${opts.connections} connections (channel list body: ${sample.length} bytes)\n`,
    );
    const rows: BenchRow[] = [];
    rows.push(await load('baseline node:http (same body)', base.url, opts, base.child.pid));
    rows.push(await load('GET /api/v1/config', `${server.url}/api/v1/config`, opts, server.process?.pid));
    rows.push(await load('GET /api/v1/video-channels', channelsUrl, opts, server.process?.pid));
    print(rows, rows[0]);
    // A run without the cache measures something else: it never replaces the recorded figures.
    if (opts.write && opts.cache) {
      const file = join(REPO_ROOT, 'docs/benchmarks.md');
      writeReport(file, { machine: machineInfo(), rows, opts, bodyBytes: sample.length });
      process.stdout.write(`Updated ${file}\n`);
    }
  } finally {
    baseline?.child.kill();
    await server.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

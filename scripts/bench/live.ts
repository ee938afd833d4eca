/**
 * Live benchmark (scripts/bench/live), against a real server (test harness):
 *   1. latency per mode (1 default, 2 high, 3 small): first frame of segment N pushed →
 *      segment N listed in the media playlist served over HTTP;
 *   2. CPU seconds per minute of a 720p30 live with the ladder (server ffmpeg + server);
 *   3. N simulated HLS viewers against Shoal, then against a bare node:http static server
 *      serving the same live folder (the ratio is what compares between machines).
 *
 *   scripts/bench/live [--viewers 1000] [--viewer-seconds 30] [--cpu-seconds 60] [--latency-seconds 40]
 *                      [--procs 2] [--only latency,cpu,viewers] [--runner] [--no-write]
 *
 * With --runner, lives are transcoded by one local shoal-runner (remote runners for lives);
 * only the latency part runs then (the CPU part reads the server's own ffmpeg).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { LiveVideo, VideoCreateResult } from '@shoal/models';
import { RunnerProcess } from '../../test/runners/runner-process';
import { REPO_ROOT, TestServer, freePort } from '../../test/shared/server-process';
import { waitFor } from '../../test/shared/wait-for';
import { machineInfo } from './report';
import { cpuSeconds, muxerPid, percentile, pushRealtime, watchPlaylist, type Encoder } from './live-measures';
import { writeLiveReport, type LatencyRow, type LiveFigures, type ViewerRow } from './live-report';
import type { ViewerResult } from './live-viewers';

interface Options {
  viewers: number;
  viewerSeconds: number;
  cpuSeconds: number;
  latencySeconds: number;
  procs: number;
  only: Set<string>;
  runner: boolean;
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    viewers: 1000,
    viewerSeconds: 30,
    cpuSeconds: 60,
    latencySeconds: 40,
    procs: 2,
    only: new Set(['latency', 'cpu', 'viewers']),
    runner: false,
    write: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--viewers') o.viewers = Number(argv[++i]);
    else if (a === '--viewer-seconds') o.viewerSeconds = Number(argv[++i]);
    else if (a === '--cpu-seconds') o.cpuSeconds = Number(argv[++i]);
    else if (a === '--latency-seconds') o.latencySeconds = Number(argv[++i]);
    else if (a === '--procs') o.procs = Number(argv[++i]);
    else if (a === '--only') o.only = new Set(argv[++i]!.split(','));
    else if (a === '--no-write') o.write = false;
    else if (a === '--runner') o.runner = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const MODES = [
  { mode: 1, name: 'default', segment: 4 },
  { mode: 2, name: 'high', segment: 6 },
  { mode: 3, name: 'small', segment: 1 },
];

const configYaml = (rtmpPort: number, runner: boolean) => `
log:
  level: warn
  log_http_requests: false
rates_limit:
  api:
    window: 10 seconds
    max: 100000000
live:
  enabled: true
  max_user_lives: -1
  max_instance_lives: -1
  reconnect_grace_period: '1 second'
  rtmp:
    port: ${rtmpPort}
  transcoding:
    threads: 2
    resolutions:
      144p: true
      240p: true
      360p: true
      480p: true
      720p: true
    remote_runners:
      enabled: ${runner}
`;

class Bench {
  private channelId = 0;
  readonly encoders: Encoder[] = [];

  constructor(
    readonly server: TestServer,
    private readonly rtmpPort: number,
  ) {}

  async init(): Promise<void> {
    this.channelId = (await this.server.admin.me()).videoChannels[0]!.id;
  }

  hls(uuid: string, file: string): string {
    return `${this.server.url}/static/streaming-playlists/hls/${uuid}/${file}`;
  }

  async startLive(name: string, latencyMode: number, push: { seconds: number; size: string; fps: number }) {
    const res = await this.server.admin.api<VideoCreateResult>('POST', '/videos/live', {
      json: { channelId: this.channelId, name, privacy: 1, latencyMode },
    });
    if (res.status !== 200) throw new Error(`live creation failed: ${res.status} ${res.text}`);
    const { id, uuid } = res.body.video;
    const live = await this.server.admin.api<LiveVideo>('GET', `/videos/live/${id}`);
    const encoder = pushRealtime(`rtmp://127.0.0.1:${this.rtmpPort}/live/${live.body.streamKey}`, push);
    this.encoders.push(encoder);
    return { id, uuid, encoder };
  }

  async waitState(id: number, state: number, timeout = 120_000): Promise<void> {
    await waitFor(async () => (await this.server.admin.api<{ state: { id: number } }>('GET', `/videos/${id}`)).body.state.id === state, {
      timeout,
      interval: 250,
      what: `video ${id} in state ${state}`,
    });
  }

  async end(live: { id: number; encoder: Encoder }): Promise<void> {
    live.encoder.child.kill('SIGINT');
    await live.encoder.exited;
    await this.waitState(live.id, 5, 60_000);
  }
}

/** 1. Latency: segment N covers stream time [N·S, (N+1)·S); its first frame left the encoder at t0 + N·S. */
async function latency(b: Bench, o: Options): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const m of MODES) {
    const seconds = Math.max(o.latencySeconds, m.segment * 8);
    const live = await b.startLive(`latency ${m.name}`, m.mode, { seconds, size: '426x240', fps: 25 });
    const watch = watchPlaylist(b.hls(live.uuid, '0.m3u8'));
    await live.encoder.exited;
    await new Promise((r) => setTimeout(r, 1000));
    watch.stop();
    const t0 = live.encoder.firstFrameAt();
    const delays = [...watch.seen].map(([name, at]) => ({
      n: Number(/-(\d+)\.ts$/.exec(name)![1]),
      ms: at - (t0 + Number(/-(\d+)\.ts$/.exec(name)![1]) * m.segment * 1000),
    }));
    const steady = delays.filter((d) => d.n >= 1).map((d) => d.ms);
    const row: LatencyRow = {
      mode: `${m.mode} ${m.name}`,
      segment: m.segment,
      samples: steady.length,
      first: delays.find((d) => d.n === 0)?.ms ?? NaN,
      p50: percentile(steady, 50),
      p90: percentile(steady, 90),
    };
    rows.push(row);
    process.stdout.write(
      `latency mode ${row.mode} (${m.segment} s segments): first segment ${fmt(row.first)} ms, ` +
        `median ${fmt(row.p50)} ms, p90 ${fmt(row.p90)} ms over ${row.samples} segments (load ${loadavg()[0].toFixed(1)})\n`,
    );
    await b.waitState(live.id, 5, 60_000);
  }
  return rows;
}

/** 2. CPU: a 720p30 push for `cpuSeconds`, counted on the server's ffmpeg and on the server. */
async function cpu(b: Bench, o: Options): Promise<LiveFigures['cpu']> {
  const warmup = 10;
  const live = await b.startLive('cpu 720p', 1, { seconds: o.cpuSeconds + warmup + 20, size: '1280x720', fps: 30 });
  await b.waitState(live.id, 1);
  await new Promise((r) => setTimeout(r, warmup * 1000));
  const ffmpeg = await muxerPid(live.uuid);
  const serverPid = b.server.process!.pid!;
  const before = { ffmpeg: cpuSeconds(ffmpeg), server: cpuSeconds(serverPid), at: Date.now() };
  const lastBefore = await lastSegment(b.hls(live.uuid, '4.m3u8'));
  await new Promise((r) => setTimeout(r, o.cpuSeconds * 1000));
  const minutes = (Date.now() - before.at) / 60_000;
  const ffmpegCpu = cpuSeconds(ffmpeg) - before.ffmpeg;
  // Stream seconds segmented in the window (4 s segments): below the wall time when the encode lags.
  const streamMinutes = (((await lastSegment(b.hls(live.uuid, '4.m3u8'))) - lastBefore) * 4) / 60;
  const figures = {
    rungs: '720p, 480p, 360p, 240p, 144p + audio',
    ffmpegPerMinute: ffmpegCpu / minutes,
    ffmpegPerStreamMinute: streamMinutes > 0 ? ffmpegCpu / streamMinutes : NaN,
    serverPerMinute: (cpuSeconds(serverPid) - before.server) / minutes,
    // 1.0 = the encode keeps up with real time.
    realtime: streamMinutes / minutes,
    load: loadavg()[0]!,
  };
  process.stdout.write(
    `cpu: 720p30 live with ladder: ffmpeg ${figures.ffmpegPerMinute.toFixed(1)} CPU s per wall minute, ` +
      `${figures.ffmpegPerStreamMinute.toFixed(1)} CPU s per minute of stream; server ${figures.serverPerMinute.toFixed(1)} CPU s/min; ` +
      `speed ${figures.realtime.toFixed(2)}× real time (load ${figures.load.toFixed(1)})\n`,
  );
  await b.end(live);
  return figures;
}

/** Number of the newest segment a media playlist lists (-1 when none). */
async function lastSegment(url: string): Promise<number> {
  const text = await (await fetch(url)).text();
  return Math.max(-1, ...[...text.matchAll(/-(\d+)\.ts$/gm)].map((m) => Number(m[1])));
}

/** The live's HLS folder on disk, found under the server's storage. */
function liveFolder(root: string, uuid: string): string {
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === uuid) return path;
    try {
      return liveFolder(path, uuid);
    } catch {
      // not in there
    }
  }
  throw new Error(`no folder ${uuid} under ${root}`);
}

/** A bare node:http server sending files of one folder, in its own process (as Shoal is). */
async function startStaticBaseline(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const code = `const fs = require('node:fs'), path = require('node:path');
require('node:http').createServer((q, s) => {
  fs.readFile(path.join(process.env.DIR, path.basename(q.url)), (e, b) => {
    if (e) { s.writeHead(404); return s.end(); }
    s.writeHead(200, { 'content-type': q.url.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t', 'content-length': b.length, 'cache-control': 'no-cache' });
    s.end(b);
  });
}).listen(${port}, '127.0.0.1', () => process.stdout.write('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (c) => fail(new Error(`baseline server exited with ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function runViewers(playlistUrl: string, o: Options, segmentDuration: number): Promise<ViewerResult> {
  const per = Math.ceil(o.viewers / o.procs);
  const results = await Promise.all(
    Array.from({ length: o.procs }, (_, i) => {
      const viewers = Math.min(per, o.viewers - i * per);
      const args = JSON.stringify({ playlistUrl, viewers, seconds: o.viewerSeconds, segmentDuration });
      const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/bench/live-viewers.ts'), args], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      return new Promise<ViewerResult>((ok, fail) =>
        child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out) as ViewerResult) : fail(new Error(`viewers exited with ${code}`)))),
      );
    }),
  );
  return pool(results);
}

function pool(results: ViewerResult[]): ViewerResult {
  return results.reduce((a, r) => ({
    segmentMs: a.segmentMs.concat(r.segmentMs),
    playlistMs: a.playlistMs.concat(r.playlistMs),
    errors: a.errors + r.errors,
    bytes: a.bytes + r.bytes,
    clientLagMs: Math.max(a.clientLagMs, r.clientLagMs),
  }));
}

function viewerRow(target: string, r: ViewerResult, seconds: number): ViewerRow {
  const row: ViewerRow = {
    target,
    segments: r.segmentMs.length,
    segP50: percentile(r.segmentMs, 50),
    segP99: percentile(r.segmentMs, 99),
    plP50: percentile(r.playlistMs, 50),
    plP99: percentile(r.playlistMs, 99),
    errors: r.errors,
    mbps: (r.bytes * 8) / 1e6 / seconds,
    clientLagMs: r.clientLagMs,
  };
  process.stdout.write(
    `viewers → ${target}: ${row.segments} segments, segment p50 ${fmt(row.segP50)} ms p99 ${fmt(row.segP99)} ms, ` +
      `playlist p50 ${fmt(row.plP50)} ms p99 ${fmt(row.plP99)} ms, ${row.errors} errors, ${row.mbps.toFixed(0)} Mbit/s, ` +
      `client loop lag ≤ ${fmt(row.clientLagMs)} ms (load ${loadavg()[0].toFixed(1)})\n`,
  );
  return row;
}

/**
 * 3. Viewers: the same clients against Shoal and against the bare static server, same live
 * folder, in the order Shoal, bare, bare, Shoal: whatever else the machine does drifts over
 * the phase (the ladder's ffmpeg winding down after the CPU part), and this order gives both
 * targets the same share of it. Each target's figures pool its two rounds.
 */
async function viewers(b: Bench, o: Options): Promise<ViewerRow[]> {
  const live = await b.startLive('viewers', 1, { seconds: 4 * o.viewerSeconds + 80, size: '426x240', fps: 25 });
  await b.waitState(live.id, 1);
  await new Promise((r) => setTimeout(r, 8000));
  const dir = liveFolder(b.server.storageDir, live.uuid);
  const base = await startStaticBaseline(dir);
  const targets = { Shoal: b.hls(live.uuid, '1.m3u8'), 'bare node:http': `${base.url}/1.m3u8` };
  const results: Record<keyof typeof targets, ViewerResult[]> = { Shoal: [], 'bare node:http': [] };
  try {
    // Unrecorded warm-up of both (JIT, caches, connection pools): a running server is warm.
    for (const url of Object.values(targets)) await runViewers(url, { ...o, viewerSeconds: 8 }, 4);
    for (const target of ['Shoal', 'bare node:http', 'bare node:http', 'Shoal'] as const) {
      const round = await runViewers(targets[target], o, 4);
      viewerRow(`${target} (round ${results[target].length + 1})`, round, o.viewerSeconds);
      results[target].push(round);
    }
    return (Object.keys(targets) as (keyof typeof targets)[]).map((t) => viewerRow(t, pool(results[t]), 2 * o.viewerSeconds));
  } finally {
    base.child.kill();
    await b.end(live);
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  if (loadavg()[0]! > cpus().length) {
    process.stderr.write(`warning: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs: other work distorts the figures\n`);
  }
  const rtmpPort = await freePort();
  const server = await new TestServer({
    configYaml: configYaml(rtmpPort, o.runner),
    nodeArgs: process.env.SHOAL_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SHOAL_BENCH_CPU_PROF}`] : [],
  }).start();
  const bench = new Bench(server, rtmpPort);
  const figures: LiveFigures = {
    machine,
    viewersAsked: o.viewers,
    viewerSeconds: o.viewerSeconds,
    latency: [],
    viewers: [],
    runner: o.runner,
  };
  const runner = o.runner ? new RunnerProcess('bench-live') : null;
  if (runner) {
    o.only = new Set([...o.only].filter((x) => x === 'latency'));
    // Printed only: the section in docs/benchmarks.md holds the local-muxing figures.
    o.write = false;
  }
  try {
    await bench.init();
    if (runner) {
      runner.writeConfig({ threads: 2, preset: 'veryfast' });
      await runner.register(server, 'bench-live-runner');
      await runner.start();
    }
    if (o.only.has('latency')) figures.latency = await latency(bench, o);
    if (o.only.has('cpu')) figures.cpu = await cpu(bench, o);
    if (o.only.has('viewers')) figures.viewers = await viewers(bench, o);
  } finally {
    for (const e of bench.encoders) e.child.kill('SIGKILL');
    await runner?.cleanup();
    // A graceful stop writes the CPU profile (SHOAL_BENCH_CPU_PROF=<dir>); a kill would lose it.
    if (process.env.SHOAL_BENCH_CPU_PROF) await server.stop();
    await server.destroy();
  }
  figures.loadEnd = loadavg()[0]!;
  if (o.write) writeLiveReport(join(REPO_ROOT, 'docs/benchmarks.md'), figures);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

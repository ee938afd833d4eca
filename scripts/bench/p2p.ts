/**
 * P2P and web client benchmark (scripts/bench/p2p): one seeding viewer and four more
 * viewers of the same VOD in separate headless Chromium contexts, share of the four's
 * segment bytes that came from peers; then the watch page's first contentful paint and the
 * gzipped size of the client's initial JavaScript.
 *
 *   scripts/bench/p2p [--seconds 40] [--live-seconds 60] [--no-live] [--viewers 4] [--fcp-loads 5] [--no-write]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLive, publishUrl, pushRtmp, waitForVideoState } from '../../test/live/live-fixtures';
import { makeClip } from '../../test/shared/media';
import { freePort, REPO_ROOT, TestServer } from '../../test/shared/server-process';
import { apiUpload, waitPublished } from '../../test/browser/shared/fixtures';
import { LOCAL_WEBRTC_FLAGS, openAndPlay, readP2PStats, waitForP2PStats, type PageP2PStats } from '../../test/browser/shared/p2p';
import { writeP2PReport, type SwarmFigures, type WebClientFigures } from './p2p-report';
import { machineInfo } from './report';

interface Options {
  seconds: number;
  /** Seconds each live viewer plays before its counters are read. */
  liveSeconds: number;
  live: boolean;
  viewers: number;
  fcpLoads: number;
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { seconds: 40, liveSeconds: 60, live: true, viewers: 4, fcpLoads: 5, write: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seconds') opts.seconds = Number(argv[++i]);
    else if (argv[i] === '--live-seconds') opts.liveSeconds = Number(argv[++i]);
    else if (argv[i] === '--no-live') opts.live = false;
    else if (argv[i] === '--viewers') opts.viewers = Number(argv[++i]);
    else if (argv[i] === '--fcp-loads') opts.fcpLoads = Number(argv[++i]);
    else if (argv[i] === '--no-write') opts.write = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

/**
 * Debian's Chromium (or CHROMIUM_PATH) with the browser tests' flags; not through
 * test/browser/shared/browser.ts, which is type-checked with the DOM library only.
 */
function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  const flags = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'];
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...flags, '--autoplay-policy=no-user-gesture-required', ...LOCAL_WEBRTC_FLAGS],
  });
}

async function viewerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
  return context.newPage();
}

/** Until the player buffered the whole clip (hls.js asked for every segment). */
async function waitFullyBuffered(page: Page, timeout = 180_000): Promise<void> {
  // A string: this file is type-checked without the DOM library.
  await page.waitForFunction(
    `(() => {
      const v = document.querySelector('video');
      if (!v || !Number.isFinite(v.duration) || v.duration <= 0 || v.buffered.length === 0) return false;
      return v.buffered.end(v.buffered.length - 1) >= v.duration - 0.5;
    })()`,
    null,
    { timeout, polling: 250 },
  );
}

async function vodSwarm(browser: Browser, watchUrl: string, opts: Options): Promise<SwarmFigures> {
  const seeder = await viewerPage(browser);
  await openAndPlay(seeder, watchUrl);
  await waitFullyBuffered(seeder);
  await waitForP2PStats(seeder, (s) => s.httpBytes > 0);
  const pages = await Promise.all(Array.from({ length: opts.viewers }, () => viewerPage(browser)));
  await Promise.all(pages.map((p) => openAndPlay(p, watchUrl)));
  await Promise.all(pages.map((p) => waitFullyBuffered(p)));
  const stats: PageP2PStats[] = await Promise.all(pages.map(readP2PStats));
  const seederStats = await readP2PStats(seeder);
  process.stdout.write(
    `seeder: ${JSON.stringify(seederStats)}\n${stats.map((s, i) => `viewer ${i + 1}: ${JSON.stringify(s)}`).join('\n')}\n`,
  );
  for (const p of [seeder, ...pages]) await p.context().close();
  return {
    kind: 'VOD',
    clip: `${opts.seconds} s, 320x240 source, 144p + 240p HLS`,
    viewers: opts.viewers,
    p2pBytes: stats.reduce((n, s) => n + s.p2pBytes, 0),
    httpBytes: stats.reduce((n, s) => n + s.httpBytes, 0),
    perViewer: stats.map((s) => (s.p2pBytes + s.httpBytes ? (100 * s.p2pBytes) / (s.p2pBytes + s.httpBytes) : 0)),
    target: 60,
  };
}

/**
 * A default-latency live pushed over RTMP (240p test pattern, real time): the seeder joins
 * once it is published, the others a few seconds later; counters are read after each
 * played for `liveSeconds`.
 */
async function liveSwarm(browser: Browser, server: TestServer, opts: Options): Promise<SwarmFigures> {
  const channelId = (await server.admin.me()).videoChannels[0]!.id;
  const live = await createLive(server.admin, { channelId, name: 'P2P bench live', privacy: 1, latencyMode: 1 });
  const encoder = pushRtmp(await publishUrl(server.admin, live.id), { seconds: opts.liveSeconds + 120, height: 240 });
  try {
    await waitForVideoState(server.admin, live.id, 1, 60_000);
    const watchUrl = `${server.url}/w/${live.shortUUID}`;
    const seeder = await viewerPage(browser);
    await openAndPlay(seeder, watchUrl);
    await waitForP2PStats(seeder, (s) => s.httpBytes > 0);
    const pages = await Promise.all(Array.from({ length: opts.viewers }, () => viewerPage(browser)));
    await Promise.all(pages.map((p) => openAndPlay(p, watchUrl)));
    await Promise.all(pages.map((p) => waitForP2PStats(p, (s) => s.httpBytes + s.p2pBytes > 0)));
    // Fixed duration on purpose: a live has no end to wait for.
    await new Promise((r) => setTimeout(r, opts.liveSeconds * 1000));
    const stats = await Promise.all(pages.map(readP2PStats));
    process.stdout.write(`live seeder: ${JSON.stringify(await readP2PStats(seeder))}\n`);
    process.stdout.write(`${stats.map((s, i) => `live viewer ${i + 1}: ${JSON.stringify(s)}`).join('\n')}\n`);
    for (const p of [seeder, ...pages]) await p.context().close();
    return {
      kind: 'live, default latency (4 s segments)',
      clip: `RTMP 240p test pattern, ${opts.liveSeconds} s per viewer, 144p + 240p + audio`,
      viewers: opts.viewers,
      p2pBytes: stats.reduce((n, s) => n + s.p2pBytes, 0),
      httpBytes: stats.reduce((n, s) => n + s.httpBytes, 0),
      perViewer: stats.map((s) => (s.p2pBytes + s.httpBytes ? (100 * s.p2pBytes) / (s.p2pBytes + s.httpBytes) : 0)),
      target: 40,
    };
  } finally {
    encoder.kill('SIGKILL');
  }
}

/** First contentful paint of the watch page, each load in a fresh context (cold cache). */
async function watchPageFcp(browser: Browser, watchUrl: string, loads: number): Promise<number[]> {
  const figures: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await viewerPage(browser);
    await page.goto(watchUrl, { waitUntil: 'load' });
    const fcp = (await page.evaluate(`new Promise((resolve) => {
      const entry = performance.getEntriesByName('first-contentful-paint')[0];
      if (entry) return resolve(entry.startTime);
      new PerformanceObserver((list) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (paint) resolve(paint.startTime);
      }).observe({ type: 'paint', buffered: true });
    })`)) as number;
    figures.push(fcp);
    await page.context().close();
  }
  return figures;
}

/** Scripts and module preloads of index.html: what loads before any route chunk. */
function initialJs(): { gzBytes: number; files: number } {
  const dist = join(REPO_ROOT, 'client/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]+rel="modulepreload"/g)) files.add(m[1]!);
  let gzBytes = 0;
  for (const file of files) gzBytes += gzipSync(readFileSync(join(dist, file.replace(/^\//, ''))), { level: 9 }).length;
  return { gzBytes, files: files.size };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(REPO_ROOT, 'client/dist/index.html'))) throw new Error('client/dist is missing: npm run build:client');
  const machine = machineInfo();
  const browser = await launchChromium();
  const rtmpPort = await freePort();
  const server = await new TestServer({ configYaml: `live:\n  enabled: true\n  rtmp:\n    port: ${rtmpPort}\n` }).start();
  const swarms: SwarmFigures[] = [];
  const notes: string[] = [];
  let web: WebClientFigures | null = null;
  try {
    const clip = await makeClip({ seconds: opts.seconds });
    const video = await apiUpload(server.admin, clip, { name: 'P2P bench clip', privacy: 1 });
    await waitPublished(server.admin, video.id, 300_000);
    const watchUrl = `${server.url}/w/${video.shortUUID}`;
    swarms.push(await vodSwarm(browser, watchUrl, opts));
    if (opts.live) swarms.push(await liveSwarm(browser, server, opts));
    const fcpMs = await watchPageFcp(browser, watchUrl, opts.fcpLoads);
    const bundle = initialJs();
    web = { fcpMs, initialJsGzBytes: bundle.gzBytes, initialJsFiles: bundle.files };
  } finally {
    await browser.close();
    await server.destroy();
  }
  for (const s of swarms) {
    const share = (100 * s.p2pBytes) / (s.p2pBytes + s.httpBytes || 1);
    process.stdout.write(`${s.kind}: ${share.toFixed(1)} % of segment bytes from peers (target ≥ ${s.target} %)\n`);
  }
  if (web) {
    const sorted = [...web.fcpMs].sort((a, b) => a - b);
    process.stdout.write(
      `watch page FCP median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (${web.fcpMs.map((v) => v.toFixed(0)).join(', ')})\n`,
    );
    process.stdout.write(`initial JS ${(web.initialJsGzBytes / 1000).toFixed(1)} kB gzipped in ${web.initialJsFiles} files\n`);
  }
  if (opts.write) writeP2PReport(join(REPO_ROOT, 'docs/benchmarks.md'), machine, swarms, notes, web);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

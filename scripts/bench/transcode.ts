/**
 * Transcoding benchmark (scripts/bench/transcode): a 1080p30 clip through
 *   (a) Shoal: upload answered → video published, with the 1080/720/480/360/240 ladder;
 *   (b) the same ladder as ONE direct ffmpeg process (same argument builder, no server);
 *   (c) one ffmpeg process per rung, one after the other, each decoding the source again
 *       (how PeerTube runs its per-resolution jobs), same preset and bitrate caps.
 *
 *   scripts/bench/transcode [--seconds 60] [--runs 1] [--no-write]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildHlsLadderArgs, buildTranscodingPlan, probeFile, runFfmpeg, type Rendition } from '@shoal/ffmpeg';
import { uploadLegacy } from '@shoal/api-client';
import { REPO_ROOT, TestServer } from '../../test/shared/server-process';
import { waitFor } from '../../test/shared/wait-for';
import { machineInfo } from './report';
import { throughRunner } from './transcode-runner';
import { writeTranscodeReport, type Measure, type TranscodeFigures } from './transcode-report';

const LADDER = [1080, 720, 480, 360, 240];
const PRESET = 'veryfast';
/** Shoal runs VOD ffmpeg at nice 15; the direct runs get the same so background load weighs equally. */
const NICE = 15;
const WORK = join(REPO_ROOT, '.tmp/bench');

interface Options {
  seconds: number;
  runs: number;
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { seconds: 60, runs: 1, write: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seconds') opts.seconds = Number(argv[++i]);
    else if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else if (argv[i] === '--no-write') opts.write = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

/**
 * testsrc2 with sensor-like noise + sine, encoded as a phone or camera does (H.264 High profile
 * with CABAC and B-frames, about 8 Mbit/s): what creators upload. An ultrafast-encoded clip
 * (no CABAC, no B-frames) decodes several times cheaper than any real upload and so hides what
 * decoding the source once per rung costs. Cached: the clip is the same for every run.
 */
function sourceClip(seconds: number): string {
  const path = join(WORK, `source-camera-1080p30-${seconds}s.mp4`);
  if (existsSync(path)) return path;
  mkdirSync(WORK, { recursive: true });
  process.stdout.write(`generating ${path}…\n`);
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${seconds},noise=alls=12:allf=t`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-b:v', '8M', '-maxrate', '10M', '-bufsize', '16M'],
    ...['-g', '60', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', path],
  ]);
  return path;
}

const resolutionsYaml = () =>
  ['0p', '144p', '240p', '360p', '480p', '720p', '1080p', '1440p', '2160p']
    .map((key) => `    ${key}: ${LADDER.includes(Number.parseInt(key, 10))}`)
    .join('\n');

/**
 * CPU seconds used by a process and its reaped children (ffmpeg, ffprobe), from /proc:
 * less sensitive than wall-clock time to other work on the machine. Linux only.
 */
function cpuSeconds(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14-17 of proc(5), in clock ticks (100 per second).
  return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
}

async function measured(pid: number | 'self', work: () => Promise<unknown>): Promise<Measure> {
  const cpu = cpuSeconds(pid);
  const start = process.hrtime.bigint();
  await work();
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: cpuSeconds(pid) - cpu };
}

/** (a) A real server: from the upload's answer to the published state. */
async function throughShoal(server: TestServer, clip: string): Promise<Measure> {
  const channelId = (await server.admin.me()).videoChannels[0]!.id;
  const res = await uploadLegacy(server.admin, clip, { channelId, name: 'bench clip' });
  if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return measured(server.process!.pid!, () =>
    waitFor(
      async () => {
        const video = await server.admin.expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${res.body.video.id}`);
        if (video.state.id === 7) throw new Error('transcoding failed');
        return video.state.id === 1;
      },
      { timeout: 3_600_000, interval: 250, what: 'publication' },
    ),
  );
}

async function ladderRenditions(clip: string): Promise<{ renditions: Rendition[]; probe: Awaited<ReturnType<typeof probeFile>> }> {
  const probe = await probeFile(clip);
  const plan = buildTranscodingPlan(probe, { enabledResolutions: LADDER, keepOriginalResolution: true, fpsMax: 60, audioOnly: false });
  return { renditions: plan.renditions, probe };
}

/** (b)/(c): the ladder in the given groups of rungs, one ffmpeg process per group, in sequence. */
async function direct(clip: string, groups: Rendition[][], copyAudio: boolean): Promise<Measure> {
  const dir = join(WORK, 'direct');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await measured('self', async () => {
    for (const renditions of groups) {
      const { args } = buildHlsLadderArgs({ inputPath: clip, outputDir: dir, renditions, preset: PRESET, copyAudio });
      await runFfmpeg(args, { nice: NICE });
    }
  });
  rmSync(dir, { recursive: true, force: true });
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = (xs: Measure[]): Measure => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
const show = (m: Measure) => `${m.wall.toFixed(1)} s (cpu ${m.cpu.toFixed(1)} s)`;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const clip = sourceClip(opts.seconds);
  const { renditions, probe } = await ladderRenditions(clip);
  const copyAudio = buildTranscodingPlan(probe, { enabledResolutions: LADDER, fpsMax: 60, audioOnly: false }).copyAudio;
  const server = await new TestServer({ configYaml: `transcoding:\n  preset: ${PRESET}\n  resolutions:\n${resolutionsYaml()}\n` }).start();
  const runs: Array<{ a: Measure; b: Measure; c: Measure }> = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      // Interleaved so that a change of background load hits every variant alike.
      const b = await direct(clip, [renditions], copyAudio);
      const c = await direct(
        clip,
        renditions.map((r) => [r]),
        copyAudio,
      );
      const a = await throughShoal(server, clip);
      runs.push({ a, b, c });
      process.stdout.write(`run ${i + 1}: shoal ${show(a)}, one process ${show(b)}, per rung ${show(c)}\n`);
    }
  } finally {
    await server.destroy();
  }
  const figures: TranscodeFigures = {
    machine,
    clip: `${probe.width}x${probe.height} ${probe.fps} fps, ${Math.round(probe.duration)} s`,
    ladder: renditions.map((r) => `${r.resolution}p`).join(', '),
    preset: PRESET,
    runs: opts.runs,
    shoal: medianOf(runs.map((r) => r.a)),
    oneProcess: medianOf(runs.map((r) => r.b)),
    perRung: medianOf(runs.map((r) => r.c)),
    load: loadavg()[0]!,
  };
  const { shoal, oneProcess, perRung } = figures;
  process.stdout.write(
    `\n(a) Shoal ${show(shoal)}  (b) one ffmpeg ${show(oneProcess)}  (c) per rung ${show(perRung)}\n` +
      `a/b = ${(shoal.wall / oneProcess.wall).toFixed(2)} (target ≤ 1.15)   a/c = ${(shoal.wall / perRung.wall).toFixed(2)} (target ≤ 0.70)\n` +
      `cpu: a/b = ${(shoal.cpu / oneProcess.cpu).toFixed(2)}   a/c = ${(shoal.cpu / perRung.cpu).toFixed(2)}   (load average ${figures.load.toFixed(1)})\n`,
  );
  // Remote runners (issue 4): the same upload through one local shoal-runner.
  const d = await throughRunner(clip, `transcoding:\n  preset: ${PRESET}\n  resolutions:\n${resolutionsYaml()}`, PRESET);
  process.stdout.write(`(d) through one shoal-runner ${d.wall.toFixed(1)} s: d/a = ${(d.wall / shoal.wall).toFixed(2)} (target ≤ 1.15)\n`);
  if (opts.write) writeTranscodeReport(join(REPO_ROOT, 'docs/benchmarks.md'), figures);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface LatencyRow {
  mode: string;
  segment: number;
  samples: number;
  /** ms from the first frame pushed to segment 0 listed (includes the muxer start). */
  first: number;
  p50: number;
  p90: number;
}

export interface ViewerRow {
  target: string;
  segments: number;
  segP50: number;
  segP99: number;
  plP50: number;
  plP99: number;
  errors: number;
  mbps: number;
  clientLagMs: number;
}

export interface LiveFigures {
  machine: string;
  viewersAsked: number;
  viewerSeconds: number;
  latency: LatencyRow[];
  cpu?: { rungs: string; ffmpegPerMinute: number; ffmpegPerStreamMinute: number; serverPerMinute: number; realtime: number; load: number };
  viewers: ViewerRow[];
  /** Lives transcoded by one local shoal-runner instead of the server's ffmpeg. */
  runner: boolean;
  loadEnd?: number;
}

const START = '<!-- bench:live:start -->';
const END = '<!-- bench:live:end -->';

const ABOUT = `## Lives (\`scripts/bench/live\`)

How to run (PostgreSQL and Redis up, e.g. with \`scripts/up\`; the script builds if needed):

\`\`\`
scripts/bench/live                                   # everything (about 8 minutes), updates this file
scripts/bench/live --only latency --no-write         # latency per mode only
scripts/bench/live --runner --no-write               # latency with lives made by a local shoal-runner
scripts/bench/live --viewers 300 --viewer-seconds 20 --cpu-seconds 30 --latency-seconds 20
\`\`\`

One real server (test harness; live on, rungs 144p–720p, 2 ffmpeg threads, local muxing) and
ffmpeg encoders pushing lavfi \`testsrc\` + a sine over RTMP with \`-re\` (real time).

- **Latency per mode**: segment N covers stream time [N·S, (N+1)·S), so its first frame
  left the encoder at t0 + N·S, where t0 is the wall-clock time of the encoder's first frame
  (from its \`-progress\` clock, so its start-up is not counted). The 144p media playlist is
  polled every 50 ms over HTTP; delay = first time N is listed − (t0 + N·S). It includes
  the segment's own duration S (a segment is listed once closed). Segment 0 (muxer start,
  stream probing) is shown apart; median and p90 are over the later segments.
  240p25 in → 144p + 240p + audio out.
- **CPU**: a 720p30 push, rungs 720/480/360/240/144 + audio; CPU seconds (user + system,
  \`/proc/<pid>/stat\`) of the server's muxing ffmpeg and of the server process over the
  measured window, per wall-clock minute and (ffmpeg) per minute of stream segmented;
  "speed" = stream seconds segmented per wall-clock second (1.00 = keeps up; below, the
  machine could not give the ladder the CPU it needs and the per-stream-minute figure is
  the one to read).
- **Viewers**: N plain HTTP clients (\`fetch\`, split over child processes) each fetch the
  240p media playlist every segment duration (4 s) and each segment they have not fetched
  yet, starting at the live edge and spread over one segment duration. The same clients
  also run against a bare \`node:http\` server (own process) reading the same live folder,
  in the order Shoal, bare, bare, Shoal (so both get the same share of whatever else the
  machine is doing), after an unrecorded 8 s warm-up of each; each target's two rounds are
  pooled. The ratio between the two is what compares between machines. Target: 1,000
  viewers with p99 segment fetch < 500 ms and no errors.`;

const VIEWERS_NOTE = `How the viewer figures got there (same machine, 1,000 viewers, segment p50 / p99,
Shoal against bare node:http): files streamed from disk by Express's \`send\`, 70 / 3,911 ms
against 7 / 396 ms (stat/open/read/close queued on libuv's four threads); live files kept in
memory with one stat per request, 8 / 1,157 against 5 / 123 ms (the stat was a quarter of the
server's CPU); segments trusted in memory for 1 s, 6 / 136 against 7 / 325 ms on a quiet
machine, but above a second when other work shared the CPUs (1,276 against 61 ms in a full
run). Express itself (router walk, helmet's dozen headers, CORS, \`res.type\`) cost several
times what sending the bytes does, so on a busy machine Shoal's queue grew first: public live
files already in memory are now answered before Express with the same headers. At load
average 5–6 (other work running) that took Shoal from 718 ms (bare 429) to 474 ms (bare 591);
on a quiet machine it is the table above.`;

const RUNNER_NOTE = `Lives made by a remote runner (\`--runner\`: one local shoal-runner pulls the feed over
RTMP and uploads each segment with an \`update\` as soon as its playlist lists it; printed,
not written here). 2026-11-27 19:58 UTC, shared 2-core machine, load average 10–15, first
frame pushed → segment listed, median / p90: default 5.8 / 6.0 s, high 7.1 / 9.0 s, small
2.3 / 2.6 s (local muxing in the same conditions: small 1.2 / 1.2 s). These are upper
bounds: a runner joins the running feed at the start of the GOP current when it connects
(its job is taken a moment after the publish), so its segment N begins at stream time
J + N·S while the formula assumes N·S; J (about 1 s here) is counted in the figures.`;

const n = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

function block(f: LiveFigures): string {
  const lines = [
    START,
    ABOUT,
    '',
    `Last run${f.runner ? ' (lives transcoded by one local shoal-runner, `--runner`)' : ''}: ` +
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${f.machine}; load average ${n(f.loadEnd, 1)} at the end.`,
    '',
    '| latency mode | segment s | first segment ms | median ms | p90 ms | segments | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...f.latency.map(
      (r) => `| ${r.mode} | ${r.segment} | ${n(r.first)} | ${n(r.p50)} | ${n(r.p90)} | ${r.samples} | ${r.segment === 1 ? '< 3000' : ''} |`,
    ),
    '',
  ];
  if (f.cpu) {
    lines.push(
      '| 720p30 live, ladder ' + f.cpu.rungs + ' | value |',
      '|---|---:|',
      `| server ffmpeg, CPU s per minute of stream | ${n(f.cpu.ffmpegPerStreamMinute, 1)} |`,
      `| server ffmpeg, CPU s per wall-clock minute | ${n(f.cpu.ffmpegPerMinute, 1)} |`,
      `| server process, CPU s per minute | ${n(f.cpu.serverPerMinute, 1)} |`,
      `| speed (× real time) | ${n(f.cpu.realtime, 2)} |`,
      `| load average during the measure | ${n(f.cpu.load, 1)} |`,
      '',
    );
  }
  if (f.viewers.length) {
    lines.push(
      `${f.viewersAsked} viewers, 2 rounds of ${f.viewerSeconds} s against each target:`,
      '',
      '| target | segments fetched | segment p50 ms | segment p99 ms | playlist p50 ms | playlist p99 ms | errors | Mbit/s | client loop lag ms |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...f.viewers.map(
        (r) =>
          `| ${r.target} | ${r.segments} | ${n(r.segP50)} | ${n(r.segP99)} | ${n(r.plP50)} | ${n(r.plP99)} | ${r.errors} | ${n(r.mbps)} | ${n(r.clientLagMs)} |`,
      ),
      '',
    );
    const [shoal, bare] = f.viewers;
    if (shoal && bare) lines.push(`Shoal ÷ bare node:http, segment p99: ${n(shoal.segP99 / bare.segP99, 2)}.`, '');
    lines.push(VIEWERS_NOTE, '');
  }
  lines.push(RUNNER_NOTE, END);
  return lines.join('\n');
}

/** Writes or replaces the Lives section of docs/benchmarks.md; other sections stay as they are. */
export function writeLiveReport(file: string, figures: LiveFigures): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const section = block(figures);
  text = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}

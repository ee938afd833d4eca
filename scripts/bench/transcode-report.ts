import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface TranscodeFigures {
  machine: string;
  clip: string;
  ladder: string;
  preset: string;
  runs: number;
  /** (a) from the upload's answer to the published state (CPU: the server and its children). */
  shoal: Measure;
  /** (b) one direct ffmpeg process for the whole ladder. */
  oneProcess: Measure;
  /** (c) one ffmpeg process per rung, in sequence. */
  perRung: Measure;
  /** 1-minute load average at the end: other work on the machine skews wall-clock times. */
  load: number;
}

/** Wall-clock and CPU seconds of a measurement. */
export interface Measure {
  wall: number;
  cpu: number;
}

const START = '<!-- bench:transcode:start -->';
const END = '<!-- bench:transcode:end -->';

const ABOUT = `## Transcoding (\`scripts/bench/transcode\`)

How to run (PostgreSQL and Redis up, e.g. with \`scripts/up\`; the script builds if needed):

\`\`\`
scripts/bench/transcode                 # 60 s 1080p30 clip, one run, updates this file
scripts/bench/transcode --runs 3        # median of 3 interleaved runs
scripts/bench/transcode --seconds 20 --no-write
\`\`\`

The clip (testsrc2 + sine, x264 ultrafast) is generated once into \`.tmp/bench/\`. Three
measurements of the same 1080/720/480/360/240 ladder, same x264 preset and bitrate caps:

- **(a) Shoal**: a real server (test harness) with that ladder enabled; the clip is uploaded
  through \`POST /api/v1/videos/upload\` and the time runs from the upload's answer until
  \`GET /api/v1/videos/:id\` says published. It includes the queue, the ffmpeg run, playlist
  and hash files, thumbnails and the database update.
- **(b) one ffmpeg**: the same \`buildHlsLadderArgs\` command run directly.
- **(c) per rung**: one ffmpeg process per rung, one after the other, each decoding the
  source again: PeerTube's way of running a job per resolution.

All ffmpeg processes run at nice 15 (what Shoal uses), so background load weighs on each
alike. Targets: a/b ≤ 1.15 (the server adds little), a/c ≤ 0.70 (one decode for the whole
ladder pays off).`;

const FINDINGS = `What we found while tuning:

- Shoal's overhead over the bare ffmpeg run is small and fixed: the job does not probe the
  source again (uploads stored its ffprobe JSON), probes each output once for both its
  database row and its master-playlist entry, and hashes segments from the files it just
  wrote; the rest is queue pick-up, a thumbnail frame and one transaction.
- One process for the ladder saves a decode and a full-size scale per extra rung compared
  with one process per rung.`;

function block(f: TranscodeFigures): string {
  const ratio = (x: Measure) => `${(f.shoal.wall / x.wall).toFixed(2)} | ${(f.shoal.cpu / x.cpu).toFixed(2)}`;
  const row = (name: string, m: Measure, target: string) =>
    `| ${name} | ${m.wall.toFixed(1)} | ${m.cpu.toFixed(1)} | ${m === f.shoal ? '1.00 | 1.00' : ratio(m)} | ${target} |`;
  return [
    START,
    ABOUT,
    '',
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${f.machine} — clip ${f.clip} — ladder ${f.ladder} — ` +
      `preset ${f.preset} — ${f.runs === 1 ? 'one run' : `median of ${f.runs} runs`} — load average ${f.load.toFixed(1)} at the end.`,
    '',
    '| measurement | wall s | CPU s | Shoal ÷ this (wall) | Shoal ÷ this (CPU) | target (wall) |',
    '|---|---:|---:|---:|---:|---:|',
    row('(a) Shoal, upload answered → published', f.shoal, ''),
    row('(b) one ffmpeg process, whole ladder', f.oneProcess, '≤ 1.15'),
    row('(c) one ffmpeg process per rung', f.perRung, '≤ 0.70'),
    '',
    FINDINGS,
    END,
  ].join('\n');
}

/** Writes or replaces the Transcoding section of docs/benchmarks.md; other sections stay as they are. */
export function writeTranscodeReport(file: string, figures: TranscodeFigures): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const section = block(figures);
  text = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}

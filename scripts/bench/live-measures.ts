import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** An encoder pushing a test pattern and a tone in real time, reporting its output clock. */
export interface Encoder {
  child: ChildProcess;
  /**
   * Wall-clock ms when the first frame was pushed: min over progress reports of
   * (report time − stream time reported), so ffmpeg's own start-up is not counted.
   */
  firstFrameAt(): number;
  exited: Promise<void>;
}

export function pushRealtime(url: string, opts: { seconds: number; size: string; fps: number }): Encoder {
  const child = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-stats_period', '0.1', '-re'],
      ...['-f', 'lavfi', '-i', `testsrc=size=${opts.size}:rate=${opts.fps}`, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
      ...['-t', String(opts.seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(opts.fps)],
      ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-f', 'flv', url],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let first = Infinity;
  let pending = '';
  child.stdout!.on('data', (b: Buffer) => {
    const now = Date.now();
    const lines = (pending + b.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^out_time_us=(\d+)$/.exec(line.trim());
      if (m && Number(m[1]) > 0) first = Math.min(first, now - Number(m[1]) / 1000);
    }
  });
  child.stderr!.resume();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, firstFrameAt: () => first, exited };
}

/** CPU seconds (user + system) a process has used so far; Linux /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The server's ffmpeg muxing a live (its command line names the live's folder). */
export async function muxerPid(videoUUID: string): Promise<number> {
  const { stdout } = await exec('pgrep', ['-f', `hls/${videoUUID}/%v`]);
  return Number(stdout.trim().split('\n')[0]);
}

/**
 * Polls a media playlist and records when each segment name first appears (wall-clock ms).
 * Stops when `stop()` is called.
 */
export function watchPlaylist(url: string, everyMs = 50): { seen: Map<string, number>; stop: () => void } {
  const seen = new Map<string, number>();
  let running = true;
  void (async () => {
    while (running) {
      const started = Date.now();
      try {
        const res = await fetch(url);
        const text = await res.text();
        const at = Date.now();
        if (res.status === 200) for (const line of text.split('\n')) if (line.endsWith('.ts') && !seen.has(line)) seen.set(line, at);
      } catch {
        // not there yet
      }
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
    }
  })();
  return { seen, stop: () => (running = false) };
}

export const percentile = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

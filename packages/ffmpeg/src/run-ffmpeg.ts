import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { setPriority } from 'node:os';

/** Path of the ffmpeg binary: `FFMPEG_PATH`, else `/usr/bin/ffmpeg`. */
export function ffmpegPath(): string {
  return process.env['FFMPEG_PATH'] || '/usr/bin/ffmpeg';
}

/** Options of {@link runFfmpeg}. */
export interface RunFfmpegOptions {
  /** Called with the position reached in the output, in seconds. */
  onProgress?: (seconds: number) => void;
  /** Aborting kills ffmpeg (SIGTERM, then SIGKILL after `killGraceMs`) and rejects. */
  signal?: AbortSignal;
  /** Scheduling niceness given to the process (PeerTube: 15 for VOD, 5 for live). */
  nice?: number;
  /** ffmpeg `-loglevel` (default `error`: stderr then holds only the failure reason). */
  logLevel?: string;
  /** Working directory of the process. */
  cwd?: string;
  /** Delay between SIGTERM and SIGKILL on abort (default 3000 ms). */
  killGraceMs?: number;
}

/** Raised when ffmpeg fails or is aborted. */
export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';

  constructor(
    message: string,
    /** Exit code, null when killed by a signal. */
    readonly exitCode: number | null,
    /** Last stderr lines printed by ffmpeg. */
    readonly stderrTail: string[],
    /** True when the run was stopped through the AbortSignal. */
    readonly aborted: boolean,
  ) {
    super(message);
  }
}

const STDERR_LINES_KEPT = 20;

/** Reads `-progress pipe:1` key=value lines; returns the output position in seconds, if any. */
export function parseProgressLine(line: string): number | null {
  const match = /^out_time_us=(\d+)$/.exec(line.trim());
  return match ? Number(match[1]) / 1_000_000 : null;
}

/** Splits a byte stream into lines and feeds them to a callback. */
function lineReader(onLine: (line: string) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk.toString('utf8')).split(/\r?\n/);
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  };
}

/** Arguments prepended by {@link runFfmpeg} to every command. */
export function runnerGlobalArgs(logLevel = 'error'): string[] {
  return ['-nostdin', '-loglevel', logLevel, '-progress', 'pipe:1', '-nostats'];
}

function lowerPriority(pid: number | undefined, nice: number): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, nice);
  } catch {
    // Best-effort: some containers refuse priority changes.
  }
}

function attachReaders(
  child: ChildProcessByStdio<null, Readable, Readable>,
  onProgress: ((seconds: number) => void) | undefined,
  stderrTail: string[],
): void {
  child.stdout.on(
    'data',
    lineReader((line) => {
      const seconds = parseProgressLine(line);
      if (seconds !== null) onProgress?.(seconds);
    }),
  );
  child.stderr.on(
    'data',
    lineReader((line) => {
      if (line.trim() === '') return;
      stderrTail.push(line);
      if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
    }),
  );
}

/**
 * Runs ffmpeg with an argument list from one of the builders.
 *
 * @returns resolves when ffmpeg exits with code 0
 * @throws FfmpegError with the last stderr lines on failure or abort
 */
export function runFfmpeg(args: string[], options: RunFfmpegOptions = {}): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new FfmpegError('ffmpeg aborted before start', null, [], true));

  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), [...runnerGlobalArgs(options.logLevel), ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderrTail: string[] = [];
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;

    if (options.nice !== undefined) lowerPriority(child.pid, options.nice);
    attachReaders(child, options.onProgress, stderrTail);

    const onAbort = (): void => {
      aborted = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 3000);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (err) => {
      reject(new FfmpegError(`Cannot start ${ffmpegPath()}: ${err.message}`, null, stderrTail, false));
    });
    child.on('close', (code, killSignal) => {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (code === 0 && !aborted) return resolve();
      const reason = aborted ? 'aborted' : code !== null ? `exited with code ${code}` : `killed by ${killSignal}`;
      const tail = stderrTail.length > 0 ? `:\n${stderrTail.join('\n')}` : '';
      reject(new FfmpegError(`ffmpeg ${reason}${tail}`, code, [...stderrTail], aborted));
    });
  });
}

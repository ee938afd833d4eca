import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { parseProbeData } from './probe-parse.js';
import { ProbeError, ProbeErrorCode, type FfprobeData, type ProbeResult } from './probe.types.js';

/** Path of the ffprobe binary: `FFPROBE_PATH`, else `/usr/bin/ffprobe`. */
export function ffprobePath(): string {
  return process.env['FFPROBE_PATH'] || '/usr/bin/ffprobe';
}

/** Arguments used by {@link probeFile}; exported for golden tests. */
export function buildProbeArgs(path: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path];
}

interface ExecFailure extends Error {
  code?: string | number;
  stderr?: string;
}

function runFfprobe(path: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath(),
      buildProbeArgs(path),
      { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const failure = error as ExecFailure;
        if (failure.code === 'ENOENT') {
          return reject(new Error(`ffprobe not found at ${ffprobePath()} (set FFPROBE_PATH)`));
        }
        const message = lastLine(stderr) || failure.message;
        reject(new ProbeError(ProbeErrorCode.UNREADABLE, path, message));
      },
    );
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}

/**
 * Probes a file with ffprobe and interprets it with PeerTube's rules (see {@link ProbeResult}).
 *
 * @param path file to probe
 * @param options.timeoutMs kill ffprobe after this long (default 60 s)
 * @throws ProbeError when the file is missing, unreadable, or not audio/video media
 *   (random bytes, text, a single still image without audio, a truncated MP4, an empty file)
 */
export async function probeFile(path: string, options: { timeoutMs?: number } = {}): Promise<ProbeResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new ProbeError(ProbeErrorCode.UNREADABLE, path, (err as Error).message);
  }
  if (size === 0) throw new ProbeError(ProbeErrorCode.UNREADABLE, path, 'file is empty');

  const stdout = await runFfprobe(path, options.timeoutMs ?? 60_000);
  let raw: FfprobeData;
  try {
    raw = JSON.parse(stdout) as FfprobeData;
  } catch {
    throw new ProbeError(ProbeErrorCode.UNREADABLE, path, 'ffprobe printed invalid JSON');
  }
  return parseProbeData(raw, { path, size });
}

/**
 * Tells whether a file is audio or video media that can be transcoded.
 * Resolves false for every {@link ProbeError}; other failures (ffprobe missing) are rethrown.
 */
export async function isPlayableMedia(path: string): Promise<boolean> {
  try {
    await probeFile(path);
    return true;
  } catch (err) {
    if (err instanceof ProbeError) return false;
    throw err;
  }
}

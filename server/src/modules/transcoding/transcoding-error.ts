import { FfmpegError } from '@shoal/ffmpeg';

const MAX_LINES = 6;
const MAX_LINE_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 1000;

/** A failure the job knows retrying cannot fix (missing original, undecodable input…). */
export class PermanentTranscodingError extends Error {
  override readonly name = 'PermanentTranscodingError';
}

/**
 * True when retrying cannot help: ffmpeg ran to its end and refused the input, or the job
 * itself said so. A killed ffmpeg (OOM, shutdown) or a full disk deserve another attempt.
 */
export function isPermanentFailure(err: unknown): boolean {
  if (err instanceof PermanentTranscodingError) return true;
  if (!(err instanceof FfmpegError)) return false;
  if (err.aborted || err.exitCode === null) return false;
  return !err.stderrTail.some((l) => /No space left on device|Cannot allocate memory/i.test(l));
}

function hide(text: string, paths: string[]): string {
  let out = text;
  // Longest first so a scratch dir inside the storage root is replaced as a whole.
  for (const p of [...paths].sort((a, b) => b.length - a.length)) out = out.split(p).join('…');
  // Decoder instance addresses (`[h264 @ 0x55d0…]`) differ on every run and mean nothing to people.
  return out.replace(/ @ 0x[0-9a-f]+\]/gi, ']');
}

function cleanTail(lines: string[], paths: string[]): string[] {
  const kept: string[] = [];
  for (const raw of lines) {
    const line = hide(raw.trim(), paths);
    if (!line || /^Last message repeated/i.test(line) || kept.at(-1) === line) continue;
    kept.push(line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH - 1)}…` : line);
  }
  return kept.slice(-MAX_LINES);
}

/**
 * The `transcodingError` owners and admins read: what failed and ffmpeg's last words,
 * without server paths, short enough for a UI.
 *
 * @param paths server paths to mask (storage root, scratch dir)
 */
export function describeTranscodingFailure(err: unknown, paths: string[]): string {
  let full: string;
  if (err instanceof FfmpegError) {
    const head = `Transcoding failed: ${err.exitCode !== null ? `ffmpeg exited with code ${err.exitCode}` : 'ffmpeg was stopped'}`;
    const tail = cleanTail(err.stderrTail, paths);
    // ffmpeg's last line usually says why: drop the oldest lines first.
    while (tail.length > 1 && head.length + tail.join('\n').length + 2 > MAX_MESSAGE_LENGTH) tail.shift();
    full = tail.length ? `${head}:\n${tail.join('\n')}` : head;
  } else {
    full = `Transcoding failed: ${hide(err instanceof Error ? err.message : String(err), paths)}`;
  }
  return full.length > MAX_MESSAGE_LENGTH ? `${full.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : full;
}

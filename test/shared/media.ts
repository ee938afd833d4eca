import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CACHE = join(tmpdir(), 'shoal-test-media');

export interface ClipOptions {
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
  /** Audio only (sine), as .m4a unless `ext` says otherwise. */
  audioOnly?: boolean;
  ext?: string;
}

/**
 * Generates a small test clip with ffmpeg's lavfi sources (testsrc + sine), cached
 * per parameters for the test run: no media is committed to the repository.
 */
export async function makeClip(opts: ClipOptions = {}): Promise<string> {
  const { seconds = 2, width = 320, height = 240, fps = 25, audioOnly = false } = opts;
  const ext = opts.ext ?? (audioOnly ? '.m4a' : '.mp4');
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, `${audioOnly ? 'audio' : `${width}x${height}@${fps}`}-${seconds}s${ext}`);
  if (existsSync(out)) return out;
  const audio = ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`];
  const args = audioOnly
    ? ['-y', ...audio, '-c:a', 'aac', '-b:a', '96k', out]
    : [
        '-y',
        '-f',
        'lavfi',
        '-i',
        `testsrc=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
        ...audio,
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '64k',
        '-shortest',
        out,
      ];
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args]);
  return out;
}

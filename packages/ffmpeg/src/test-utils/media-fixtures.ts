import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from '../run-ffmpeg.js';

/** Creates a fresh temporary directory; remove it with {@link removeDir}. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `shoal-ffmpeg-${prefix}-`));
}

/** Removes a temporary directory and its content. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Options of the synthetic clip made by {@link makeTestVideo}. */
export interface TestVideoOptions {
  width?: number;
  height?: number;
  fps?: number;
  seconds?: number;
  withAudio?: boolean;
  /** Rotation metadata written on the video stream (display matrix). */
  rotate?: number;
}

/** Writes a small H.264/AAC MP4 made from lavfi `testsrc` and `sine`. */
export async function makeTestVideo(path: string, options: TestVideoOptions = {}): Promise<string> {
  const { width = 320, height = 240, fps = 25, seconds = 2, withAudio = true } = options;
  const audio = withAudio ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`] : [];
  await runFfmpeg([
    '-y',
    ...['-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}:duration=${seconds}`],
    ...audio,
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    ...(withAudio ? ['-c:a', 'aac', '-b:a', '96k'] : []),
    path,
  ]);
  if (options.rotate !== undefined) {
    // The rotate tag is only kept as a display matrix when stream-copying.
    const unrotated = `${path}.unrotated.mp4`;
    await rename(path, unrotated);
    await runFfmpeg(['-y', '-i', unrotated, '-c', 'copy', '-metadata:s:v:0', `rotate=${options.rotate}`, path]);
    await rm(unrotated);
  }
  return path;
}

/** Writes an audio-only AAC file made from lavfi `sine`. */
export async function makeTestAudio(path: string, seconds = 2): Promise<string> {
  await runFfmpeg(['-y', '-f', 'lavfi', '-i', `sine=frequency=330:duration=${seconds}`, '-c:a', 'aac', path]);
  return path;
}

/** Writes a single-frame PNG image. */
export async function makeTestImage(path: string, width = 64, height = 48): Promise<string> {
  await runFfmpeg(['-y', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}`, '-frames:v', '1', path]);
  return path;
}

/**
 * Splits a golden command written as text into its arguments (whitespace-separated;
 * golden values never contain spaces), so expected argument lists stay readable.
 */
export function argv(text: string): string[] {
  return text.trim().split(/\s+/);
}

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildThumbnailArgs, runFfmpeg } from '@shoal/ffmpeg';
import type { StepContext } from './hls-ladder.step';
import type { RenditionFile } from './hls-playlists';

/** Background of audio uploads without a picture: a plain dark 16:9 frame. */
const BACKGROUND = { width: 854, height: 480, color: '#1f2430' } as const;

/** Writes the plain picture audio uploads are shown with when they have no preview. */
export async function writePlainBackground(dir: string): Promise<string> {
  const path = join(dir, 'background.png');
  const { width, height, color } = BACKGROUND;
  await sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toFile(path);
  return path;
}

/**
 * Extracts a representative full-size frame from the middle of a rendition (PeerTube picks
 * one among 50 frames around mid-duration). Thumbnail and preview are resized from it.
 * A broken file may refuse the seek: then the frame comes from the start, as PeerTube does.
 */
export async function extractFrame(top: RenditionFile, duration: number, step: StepContext): Promise<string> {
  const outputPath = join(step.dir, 'frame.jpg');
  const base = { inputPath: top.path, outputPath, width: top.width, height: top.height, fit: 'contain' as const };
  const run = (seekSeconds?: number) => runFfmpeg(buildThumbnailArgs({ ...base, seekSeconds }), { signal: step.signal, nice: 10 });
  try {
    await run(duration > 0 ? duration / 2 : undefined);
    await access(outputPath);
  } catch (err) {
    if (step.signal.aborted) throw err;
    await run(undefined);
  }
  return outputPath;
}

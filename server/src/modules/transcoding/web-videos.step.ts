import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFragmentedToProgressiveArgs, generateWebVideoFileName, runFfmpeg } from '@shoal/ffmpeg';
import { describeFile, type RenditionFile } from './hls-playlists';
import type { StepContext } from './hls-ladder.step';
import { VOD_FFMPEG_NICE } from './transcoding-settings';

/**
 * Web videos (progressive MP4) of every rung, remuxed from the HLS renditions: no second
 * encode, and the MP4 and HLS files of a rung show exactly the same pictures.
 */
export async function remuxWebVideos(hlsFiles: RenditionFile[], step: StepContext): Promise<RenditionFile[]> {
  const dir = join(step.dir, 'web');
  await mkdir(dir, { recursive: true });
  const files: RenditionFile[] = [];
  for (const hls of hlsFiles) {
    const path = join(dir, generateWebVideoFileName(hls.resolution));
    await runFfmpeg(buildFragmentedToProgressiveArgs(hls.path, path), { signal: step.signal, nice: VOD_FFMPEG_NICE });
    files.push((await describeFile(path, hls.resolution, null)).file);
  }
  return files;
}

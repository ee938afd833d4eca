import { progressiveMp4Args } from './web-video.args.js';

/**
 * Builds the ffmpeg arguments rewriting an HLS rendition (fragmented MP4) as a web video
 * (progressive `faststart` MP4) without re-encoding: the web video of a rung then costs a
 * file copy instead of a second encode, and both files carry the same pictures.
 */
export function buildFragmentedToProgressiveArgs(inputPath: string, outputPath: string): string[] {
  return ['-hide_banner', '-y', '-i', inputPath, '-map', '0', '-c', 'copy', ...progressiveMp4Args(outputPath)];
}

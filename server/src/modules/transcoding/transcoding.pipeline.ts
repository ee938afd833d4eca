import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProbeData, probeFile, type FfprobeData, type HlsRenditionOutput, type ProbeResult } from '@shoal/ffmpeg';
import type { AppContext } from '../../platform/context';
import { IMAGE_SIZES, originalFilePath, type VideoModel, type VideoSourceModel } from '../videos';
import { encodeHlsLadder, encodeStillImageVideo, planFor, type StepContext } from './hls-ladder.step';
import { writeHlsPlaylists, type HlsPlaylistSet, type RenditionFile } from './hls-playlists';
import { PermanentTranscodingError } from './transcoding-error';
import { extractFrame, writePlainBackground } from './video-images.step';
import { remuxWebVideos } from './web-videos.step';

/** Everything one run produced in its scratch folder, ready to be published. */
export interface TranscodeOutput {
  hls: HlsPlaylistSet;
  webVideos: RenditionFile[];
  /** Full-size frame for the automatic thumbnail and preview; null without any picture. */
  framePath: string | null;
  /** Source duration in seconds. */
  duration: number;
  /** Width / height of the biggest video rendition (4 decimals); 0 for audio only. */
  aspectRatio: number;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The source as uploads probed it: its ffprobe JSON is stored with the source, so a run
 * does not probe the (possibly huge) original again unless that JSON is missing.
 */
export async function readSource(ctx: AppContext, source: VideoSourceModel): Promise<ProbeResult> {
  if (!source.keepFilename) throw new PermanentTranscodingError('This video version has no original file to transcode');
  const path = originalFilePath(ctx, source.keepFilename);
  if (!(await exists(path))) throw new PermanentTranscodingError('The original file of this video is missing');
  const raw = source.metadata as FfprobeData | null;
  if (raw?.streams?.length && raw.format) {
    try {
      return parseProbeData(raw, { path, size: source.size });
    } catch {
      // Stored JSON from an older version may not parse: probing the file settles it.
    }
  }
  return probeFile(path);
}

/** Audio uploads are shown with their preview when they have one, else a plain background. */
async function stillImageFor(ctx: AppContext, video: VideoModel, dir: string): Promise<string> {
  if (video.previewFilename) {
    const preview = join(ctx.dirs.previews, video.previewFilename);
    if (await exists(preview)) return preview;
  }
  return writePlainBackground(dir);
}

/**
 * The smallest rendition that still fills the preview box: decoding a 480p frame instead of
 * a 2160p one makes the same preview for a fraction of the CPU.
 * @param files video renditions, smallest first
 */
function frameSource(files: RenditionFile[]): RenditionFile {
  const { width, height } = IMAGE_SIZES.preview;
  return files.find((f) => f.width >= width && f.height >= height) ?? files.at(-1)!;
}

function aspectRatioOf(file: RenditionFile | undefined): number {
  return file && file.height > 0 ? Math.round((file.width / file.height) * 10000) / 10000 : 0;
}

/**
 * Produces every file of a video version in `step.dir`: HLS ladder (one ffmpeg process),
 * master playlist, segment hashes, optional web videos and a frame for the images.
 * Touches neither the database nor the public folders.
 */
export async function buildRenditions(
  ctx: AppContext,
  video: VideoModel,
  source: VideoSourceModel,
  step: StepContext,
): Promise<TranscodeOutput> {
  const probe = await readSource(ctx, source);
  let input = probe;
  let plan = planFor(probe, step.settings);
  let ladderRange: [number, number] = [0, 0.9];
  if (!probe.hasVideo) {
    const image = await stillImageFor(ctx, video, step.dir);
    input = await encodeStillImageVideo(probe, plan, image, step, [0, 0.3]);
    plan = planFor(input, step.settings, true);
    ladderRange = [0.3, 0.9];
  }
  const outputs = await encodeHlsLadder(input, plan, step, ladderRange);
  return finishRenditions(outputs, step, probe.duration);
}

/**
 * What follows the encode, wherever it ran (here or on a remote runner): master playlist,
 * segment hashes, optional web videos and the frame for the images.
 */
export async function finishRenditions(outputs: HlsRenditionOutput[], step: StepContext, duration: number): Promise<TranscodeOutput> {
  const hls = await writeHlsPlaylists(outputs);
  step.progress(0.92);
  const webVideos = step.settings.webVideos ? await remuxWebVideos(hls.files, step) : [];
  const videoFiles = hls.files.filter((f) => f.hasVideo).sort((a, b) => a.resolution - b.resolution);
  const top = videoFiles.at(-1);
  const framePath = top ? await extractFrame(frameSource(videoFiles), duration, step) : null;
  step.progress(0.96);
  return { hls, webVideos, framePath, duration, aspectRatio: aspectRatioOf(top) };
}

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildAudioToVideoArgs,
  buildHlsLadderArgs,
  buildTranscodingPlan,
  parseByteRangePlaylist,
  probeFile,
  runFfmpeg,
  type HlsRenditionOutput,
  type ProbeResult,
  type TranscodingPlan,
} from '@shoal/ffmpeg';
import { VOD_FFMPEG_NICE, type TranscodingSettings } from './transcoding-settings';

/** What every ffmpeg step of one run shares. */
export interface StepContext {
  /** The run's scratch folder. */
  dir: string;
  settings: TranscodingSettings;
  signal: AbortSignal;
  /** Reports the run's progress, 0..1. */
  progress(fraction: number): void;
}

function ffmpegOptions(step: StepContext, duration: number, from: number, to: number) {
  return {
    signal: step.signal,
    nice: VOD_FFMPEG_NICE,
    onProgress: (seconds: number) => {
      if (duration > 0) step.progress(from + (to - from) * Math.min(1, seconds / duration));
    },
  };
}

/**
 * Encodes every rung of `plan` with ONE ffmpeg process (decode once, split, one encoder per
 * rung) into `<dir>/hls`, and checks that each rung got at least one segment: ffmpeg may
 * exit 0 on an input that stops early.
 */
export async function encodeHlsLadder(
  input: ProbeResult,
  plan: TranscodingPlan,
  step: StepContext,
  range: [number, number],
): Promise<HlsRenditionOutput[]> {
  const outputDir = join(step.dir, 'hls');
  await mkdir(outputDir, { recursive: true });
  const { args, outputs } = buildHlsLadderArgs({
    inputPath: input.path,
    outputDir,
    renditions: plan.renditions,
    segmentDuration: step.settings.segmentDuration,
    threads: step.settings.threads,
    preset: step.settings.preset,
    copyAudio: plan.copyAudio,
    videoStreamIndex: plan.videoStreamIndex,
    audioStreamIndex: plan.audioStreamIndex,
  });
  await runFfmpeg(args, ffmpegOptions(step, input.duration, range[0], range[1]));
  for (const output of outputs) {
    const segments = parseByteRangePlaylist(await readFile(output.playlistPath, 'utf8'));
    if (segments.length === 0) throw new Error(`ffmpeg wrote no segment for the ${output.rendition.resolution}p rendition`);
  }
  return outputs;
}

/**
 * Audio upload → MP4 of a still picture with the sound (PeerTube "merge audio"), which then
 * goes through the ladder like any video. Returns the probed MP4.
 */
export async function encodeStillImageVideo(
  audio: ProbeResult,
  plan: TranscodingPlan,
  imagePath: string,
  step: StepContext,
  range: [number, number],
): Promise<ProbeResult> {
  const still = plan.renditions.find((r) => r.fromStillImage);
  if (!still) throw new Error('The plan of an audio file has no still-image rendition');
  const outputPath = join(step.dir, 'still-image.mp4');
  const args = buildAudioToVideoArgs({
    imagePath,
    audioPath: audio.path,
    outputPath,
    rendition: still,
    durationSeconds: audio.duration > 0 ? audio.duration : undefined,
    threads: step.settings.threads,
    preset: step.settings.preset,
    copyAudio: plan.copyAudio,
    audioStreamIndex: plan.audioStreamIndex,
  });
  await runFfmpeg(args, ffmpegOptions(step, audio.duration, range[0], range[1]));
  return probeFile(outputPath);
}

/**
 * The ladder of a source. An audio source gets its still-image video first; that video then
 * gets a single rung at its own size plus the audio-only rung.
 */
export function planFor(input: ProbeResult, settings: TranscodingSettings, fromStillImage = false): TranscodingPlan {
  if (!fromStillImage) return buildTranscodingPlan(input, settings.plan);
  return buildTranscodingPlan(input, { ...settings.plan, enabledResolutions: [], keepOriginalResolution: true, audioOnly: true });
}

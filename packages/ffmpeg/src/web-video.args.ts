import { audioEncoderArgs } from './audio-encoder.js';
import type { Rendition } from './ladder.js';
import { encoderInputArgs, renditionVideoFilter, videoEncoderArgs, type EncoderPreset, type VideoEncoder } from './video-encoders.js';

/** Inputs of {@link buildWebVideoArgs}. */
export interface WebVideoOptions {
  inputPath: string;
  /** Output MP4, e.g. `<uuid>-720.mp4`. */
  outputPath: string;
  /** Rung to produce; resolution 0 gives an MP4 with audio only. */
  rendition: Rendition;
  threads?: number;
  encoder?: VideoEncoder;
  preset?: EncoderPreset;
  copyAudio?: boolean;
  videoStreamIndex?: number | null;
  audioStreamIndex?: number | null;
  hwDevice?: string;
  /** Keyframe interval in seconds (PeerTube: 2). */
  gopSeconds?: number;
}

/** `-movflags faststart` progressive MP4 muxing, plus metadata stripping. */
export function progressiveMp4Args(outputPath: string): string[] {
  return [['-map_metadata', '-1'], ['-max_muxing_queue_size', '1024'], ['-movflags', 'faststart'], ['-f', 'mp4'], [outputPath]].flat();
}

/**
 * Builds the ffmpeg arguments of one web video (progressive MP4 with the index at the start,
 * media spec §2.9): scaled and frame-rate-limited H.264 plus stereo AAC.
 */
export function buildWebVideoArgs(options: WebVideoOptions): string[] {
  const { rendition } = options;
  const encoder = options.encoder ?? 'libx264';
  const args = ['-hide_banner', '-y', ...encoderInputArgs(encoder, options.hwDevice), '-i', options.inputPath];
  if (rendition.resolution > 0) {
    const videoInput = options.videoStreamIndex == null ? '0:v:0' : `0:${options.videoStreamIndex}`;
    args.push('-map', videoInput, '-vf', renditionVideoFilter(rendition, encoder));
    args.push(
      ...videoEncoderArgs(encoder, {
        preset: options.preset ?? 'veryfast',
        bitrate: rendition.videoBitrate,
        gopFrames: rendition.fps * (options.gopSeconds ?? 2),
      }),
    );
  }
  if (rendition.audioBitrate > 0) {
    const audioInput = options.audioStreamIndex == null ? '0:a:0' : `0:${options.audioStreamIndex}`;
    args.push('-map', audioInput, ...audioEncoderArgs(rendition.audioBitrate, options.copyAudio ?? false));
  }
  if (options.threads !== undefined) args.push('-threads', String(options.threads));
  return [...args, ...progressiveMp4Args(options.outputPath)];
}

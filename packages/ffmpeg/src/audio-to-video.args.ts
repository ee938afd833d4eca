import { audioEncoderArgs } from './audio-encoder.js';
import type { Rendition } from './ladder.js';
import { videoEncoderArgs, type EncoderPreset } from './video-encoders.js';
import { progressiveMp4Args } from './web-video.args.js';

/** Inputs of {@link buildAudioToVideoArgs}. */
export interface AudioToVideoOptions {
  /** Picture shown during the whole video (uploaded preview or a default background). */
  imagePath: string;
  audioPath: string;
  /** Output MP4. */
  outputPath: string;
  /** Video rung to produce (see `stillImageResolution` in `buildTranscodingPlan`). */
  rendition: Rendition;
  /**
   * Audio duration in seconds (from probing). When given, the looped picture stops there;
   * otherwise only `-shortest` applies and the video may overrun by the encoder delay (~1 s).
   */
  durationSeconds?: number;
  threads?: number;
  preset?: EncoderPreset;
  copyAudio?: boolean;
  audioStreamIndex?: number | null;
}

/** Fits the picture inside the rung's frame, centred on black bars. */
export function stillImageFilter(rendition: Pick<Rendition, 'width' | 'height'>): string {
  const { width: w, height: h } = rendition;
  return `[0:v]scale=${w}:${h}:force_original_aspect_ratio=decrease,` + `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v]`;
}

/**
 * Builds the ffmpeg arguments turning an audio file and a still picture into an MP4
 * (PeerTube "merge audio"): looped picture, x264 `stillimage` tuning, ends with the audio.
 */
export function buildAudioToVideoArgs(options: AudioToVideoOptions): string[] {
  const { rendition } = options;
  if (rendition.resolution === 0 || rendition.fps <= 0) throw new Error('Audio to video needs a video rendition');
  const audioInput = options.audioStreamIndex == null ? '1:a:0' : `1:${options.audioStreamIndex}`;
  const video = videoEncoderArgs('libx264', {
    preset: options.preset ?? 'veryfast',
    bitrate: rendition.videoBitrate,
    gopFrames: rendition.fps * 2,
  });
  return [
    ['-hide_banner', '-y'],
    ['-loop', '1', '-framerate', String(rendition.fps)],
    options.durationSeconds !== undefined ? ['-t', String(options.durationSeconds)] : [],
    ['-i', options.imagePath],
    ['-i', options.audioPath],
    ['-filter_complex', stillImageFilter(rendition)],
    ['-map', '[v]', '-map', audioInput],
    video,
    ['-tune', 'stillimage'],
    audioEncoderArgs(rendition.audioBitrate || 128_000, options.copyAudio ?? false),
    ['-shortest'],
    options.threads !== undefined ? ['-threads', String(options.threads)] : [],
    progressiveMp4Args(options.outputPath),
  ].flat();
}

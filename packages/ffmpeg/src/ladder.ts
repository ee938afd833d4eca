import { bitrateRatio, canCopyAudio, targetAudioBitrate, targetVideoBitrate } from './bitrate.js';
import { computeOutputFps } from './framerate.js';
import type { ProbeResult } from './probe.types.js';

/** One output rung of a transcoding job. */
export interface Rendition {
  /** Short side in pixels (PeerTube "resolution"); 0 = audio only. */
  resolution: number;
  /** Output width in pixels (even); 0 for audio only. */
  width: number;
  /** Output height in pixels (even); 0 for audio only. */
  height: number;
  /** Output frame rate; 0 for audio only. */
  fps: number;
  /** Video bitrate cap in bit/s (`-maxrate`, `-bufsize` = 2×); 0 for audio only. */
  videoBitrate: number;
  /** AAC bitrate in bit/s; 0 when the rendition has no audio. */
  audioBitrate: number;
  /** True when the video is made from a still picture (audio upload turned into a video). */
  fromStillImage: boolean;
}

/** Instance settings that shape the ladder (PeerTube `transcoding.*`). */
export interface TranscodingPlanConfig {
  /** Enabled rungs (`transcoding.resolutions`), e.g. `[1080, 720, 480, 360, 240]`. */
  enabledResolutions: number[];
  /** Always produce the source resolution as top rung (PeerTube default: true). */
  keepOriginalResolution?: boolean;
  /** `transcoding.fps.max` (PeerTube default 60). */
  fpsMax: number;
  /** Also produce an audio-only (resolution 0) rendition when the input has audio. */
  audioOnly: boolean;
  /**
   * For audio-only inputs, also plan a still-image video rung at this resolution
   * (PeerTube merges audio uploads with a picture at 480p). Omit to plan audio only.
   */
  stillImageResolution?: number;
}

/** Renditions to produce plus how to read the source. */
export interface TranscodingPlan {
  /** Video rungs by decreasing resolution, then the audio-only rung if any. */
  renditions: Rendition[];
  /** Source video stream to map (absolute ffprobe index), null without video. */
  videoStreamIndex: number | null;
  /** Source audio stream to map, null without audio. */
  audioStreamIndex: number | null;
  /** True when the source audio may be stream-copied instead of re-encoded. */
  copyAudio: boolean;
}

/** Rounds to the nearest even integer ≥ 2 (what `scale=-2` would produce). */
export function toEvenDimension(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

/** Output size keeping the source aspect ratio, the short side being `resolution`. */
export function scaledDimensions(source: { width: number; height: number }, resolution: number): { width: number; height: number } {
  if (source.width >= source.height) {
    return { width: toEvenDimension((resolution * source.width) / source.height), height: resolution };
  }
  return { width: resolution, height: toEvenDimension((resolution * source.height) / source.width) };
}

/** Video resolutions to produce, highest first; never above the source. */
export function selectResolutions(sourceResolution: number, enabled: number[], keepOriginalResolution = true): number[] {
  const ownResolution = Math.max(2, sourceResolution - (sourceResolution % 2));
  const candidates = [...new Set(enabled)].filter((r) => r > 0 && r <= sourceResolution);
  candidates.sort((a, b) => b - a);
  const top = keepOriginalResolution ? ownResolution : (candidates[0] ?? ownResolution);
  return [top, ...candidates.filter((r) => r < top)];
}

function videoRendition(input: ProbeResult, resolution: number, isTop: boolean, config: TranscodingPlanConfig): Rendition {
  const { width, height } = scaledDimensions(input, resolution);
  const fps = computeOutputFps({ inputFps: input.fps, resolution, isOriginResolution: isTop, fpsMax: config.fpsMax });
  return {
    resolution,
    width,
    height,
    fps,
    videoBitrate: targetVideoBitrate({ resolution, ratio: bitrateRatio(width, height), fps, inputBitrate: input.bitrate }),
    audioBitrate: input.hasAudio ? targetAudioBitrate(input.audioCodec, input.audioBitrate) : 0,
    fromStillImage: false,
  };
}

function audioRendition(input: ProbeResult): Rendition {
  const audioBitrate = targetAudioBitrate(input.audioCodec, input.audioBitrate);
  return { resolution: 0, width: 0, height: 0, fps: 0, videoBitrate: 0, audioBitrate, fromStillImage: false };
}

function stillImageRendition(input: ProbeResult, resolution: number, fpsMax: number): Rendition {
  // The picture is unknown at planning time: plan a 16:9 frame, the picture is fitted into it.
  const { width, height } = scaledDimensions({ width: 16, height: 9 }, resolution);
  const fps = Math.max(1, Math.min(25, fpsMax));
  const ratio = bitrateRatio(width, height);
  return {
    resolution,
    width,
    height,
    fps,
    videoBitrate: targetVideoBitrate({ resolution, ratio, fps, inputBitrate: 0 }),
    audioBitrate: targetAudioBitrate(input.audioCodec, input.audioBitrate),
    fromStillImage: true,
  };
}

/**
 * Plans the renditions of a VOD transcode following PeerTube's ladder rules (media spec §2.4–2.7):
 * never upscales, keeps the aspect ratio with even sizes, lowers the fps of small rungs,
 * caps bitrates with the bits-per-pixel model.
 *
 * @throws Error when the input has neither audio nor video; RangeError for a frame rate below 0.1
 */
export function buildTranscodingPlan(input: ProbeResult, config: TranscodingPlanConfig): TranscodingPlan {
  const renditions: Rendition[] = [];
  if (input.hasVideo) {
    const resolutions = selectResolutions(input.resolution, config.enabledResolutions, config.keepOriginalResolution);
    resolutions.forEach((r, i) => renditions.push(videoRendition(input, r, i === 0, config)));
  } else if (input.hasAudio && config.stillImageResolution) {
    renditions.push(stillImageRendition(input, config.stillImageResolution, config.fpsMax));
  } else if (!input.hasAudio) {
    throw new Error(`Cannot plan a transcode of ${input.path}: no audio nor video stream`);
  }
  // An audio input always gets its audio rung: without it nothing would carry the sound alone.
  if (input.hasAudio && (config.audioOnly || !input.hasVideo)) renditions.push(audioRendition(input));

  return {
    renditions,
    videoStreamIndex: input.videoStreamIndex,
    audioStreamIndex: input.audioStreamIndex,
    copyAudio: input.hasAudio && canCopyAudio(input.audioCodec, input.audioBitrate, input.audioChannelLayout),
  };
}

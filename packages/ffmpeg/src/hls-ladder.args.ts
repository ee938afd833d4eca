import { join } from 'node:path';
import { audioEncoderArgs } from './audio-encoder.js';
import { generateRenditionBaseName, hlsRenditionFileNames, type HlsRenditionFileNames } from './file-names.js';
import type { Rendition } from './ladder.js';
import {
  encoderInputArgs,
  encoderPixelFilter,
  renditionVideoFilter,
  videoEncoderArgs,
  type EncoderPreset,
  type VideoEncoder,
} from './video-encoders.js';

/** Inputs of {@link buildHlsLadderArgs}. */
export interface HlsLadderOptions {
  inputPath: string;
  /** Existing directory receiving every playlist and fMP4 (ffmpeg does not create it). */
  outputDir: string;
  /** Rungs to produce (see `buildTranscodingPlan`); resolution 0 = audio only. */
  renditions: Rendition[];
  /** Target segment length in seconds (PeerTube: 4). */
  segmentDuration?: number;
  /** Base file name of a rung, e.g. `<uuid>-720`; default: a fresh random UUID per rung. */
  baseName?: (rendition: Rendition) => string;
  /** ffmpeg threads per encoder (`-threads`); omitted = ffmpeg's choice. */
  threads?: number;
  /** Video encoder (default `libx264`). */
  encoder?: VideoEncoder;
  /** Encoder preset (default `veryfast`, as PeerTube). */
  preset?: EncoderPreset;
  /**
   * Keep audio only in the resolution-0 rung, video rungs being silent (PeerTube
   * `split_audio_and_video`; players before PeerTube 6.3 cannot play that). Default false:
   * every video rung carries its own audio track.
   */
  splitAudio?: boolean;
  /** Stream-copy the source audio instead of encoding AAC (see `canCopyAudio`). */
  copyAudio?: boolean;
  /** Absolute index of the source video stream (default: first video stream). */
  videoStreamIndex?: number | null;
  /** Absolute index of the source audio stream (default: first audio stream). */
  audioStreamIndex?: number | null;
  /** Hardware device for VAAPI (default `/dev/dri/renderD128`). */
  hwDevice?: string;
}

/** Files written for one rung. */
export interface HlsRenditionOutput extends HlsRenditionFileNames {
  rendition: Rendition;
  playlistPath: string;
  mediaPath: string;
}

/** A ready-to-run ffmpeg command and the files it will write. */
export interface HlsLadderCommand {
  args: string[];
  outputs: HlsRenditionOutput[];
}

const hasAudio = (r: Rendition): boolean => r.audioBitrate > 0;

function checkRenditions(options: HlsLadderOptions): void {
  const { renditions, splitAudio } = options;
  if (renditions.length === 0) throw new Error('No rendition to produce');
  for (const r of renditions) {
    if (r.fromStillImage) {
      throw new Error('Still-image rungs come from buildAudioToVideoArgs; build HLS from its output');
    }
    if (r.resolution > 0 && (r.width % 2 !== 0 || r.height % 2 !== 0 || r.fps <= 0)) {
      throw new Error(`Invalid video rendition ${r.width}x${r.height}@${r.fps}`);
    }
  }
  const audioRung = renditions.find((r) => r.resolution === 0);
  if (audioRung && !hasAudio(audioRung)) throw new Error('The audio-only rendition needs an audio bitrate');
  if (splitAudio && !audioRung && renditions.some(hasAudio)) {
    throw new Error('Split audio needs an audio-only (resolution 0) rendition');
  }
}

/**
 * Filter graph of the ladder: decode once, then scale each rung from the rung above it
 * (`[0:v]fps,scale→split[b0][c0]; [b0]fps,format[v0]; [c0]scale→split[b1][c1]; …`).
 * In ffmpeg 5.x filters run on the main thread, which also feeds every encoder: scaling
 * 720→480 instead of 1080→480 takes that serial work from ~2.4 s to ~0.7 s per 10 s of
 * 1080p30 video and lets the encoders run fuller (measured: scripts/bench/transcode).
 * Frames dropped for lower frame rates are dropped before they are scaled.
 * Outputs are labelled `[v<i>]` by the rung's index in `videoRungs`.
 */
export function buildLadderFilterGraph(videoInput: string, videoRungs: Rendition[], encoder: VideoEncoder): string {
  if (videoRungs.length === 1) {
    return `[${videoInput}]${renditionVideoFilter(videoRungs[0]!, encoder)}[v0]`;
  }
  const pixels = encoderPixelFilter(encoder);
  const order = videoRungs
    .map((rung, index) => ({ rung, index }))
    .sort((a, b) => b.rung.width * b.rung.height - a.rung.width * a.rung.height);
  const parts: string[] = [];
  let chain = `[${videoInput}]`;
  let chainFps = Number.POSITIVE_INFINITY;
  order.forEach(({ rung, index }, k) => {
    const neededFps = Math.max(...order.slice(k).map((o) => o.rung.fps));
    const fps = neededFps < chainFps ? `fps=${neededFps},` : '';
    chainFps = Math.min(chainFps, neededFps);
    const scale = `${chain}${fps}scale=${rung.width}:${rung.height}`;
    if (k === order.length - 1) {
      parts.push(`${scale},fps=${rung.fps},${pixels}[v${index}]`);
      return;
    }
    parts.push(`${scale},split=2[b${k}][c${k}]`, `[b${k}]fps=${rung.fps},${pixels}[v${index}]`);
    chain = `[c${k}]`;
  });
  return parts.join(';');
}

/** Muxer options writing a VOD fMP4 playlist whose segments are byte ranges of one file. */
export function hlsVodMuxerArgs(segmentDuration: number, mediaPath: string, playlistPath: string): string[] {
  return [
    ['-f', 'hls'],
    ['-hls_time', String(segmentDuration)],
    ['-hls_list_size', '0'],
    ['-hls_playlist_type', 'vod'],
    ['-hls_segment_type', 'fmp4'],
    // With single_file ffmpeg writes the init section at the start of the media file
    // and points EXT-X-MAP at it, so no separate init file name is needed.
    ['-hls_flags', 'single_file'],
    ['-hls_segment_filename', mediaPath],
    [playlistPath],
  ].flat();
}

function outputFiles(options: HlsLadderOptions): HlsRenditionOutput[] {
  const baseName = options.baseName ?? ((r: Rendition) => generateRenditionBaseName(r.resolution));
  return options.renditions.map((rendition) => {
    const names = hlsRenditionFileNames(baseName(rendition));
    return {
      rendition,
      ...names,
      playlistPath: join(options.outputDir, names.playlist),
      mediaPath: join(options.outputDir, names.media),
    };
  });
}

function renditionOutputArgs(output: HlsRenditionOutput, videoLabel: string | null, options: HlsLadderOptions): string[] {
  const { rendition } = output;
  const segmentDuration = options.segmentDuration ?? 4;
  const audioInput = options.audioStreamIndex == null ? '0:a:0' : `0:${options.audioStreamIndex}`;
  const withAudio = hasAudio(rendition) && (videoLabel === null || !options.splitAudio);
  const args: string[] = [];
  if (videoLabel !== null) {
    const gopFrames = rendition.fps * segmentDuration;
    args.push('-map', videoLabel);
    args.push(
      ...videoEncoderArgs(options.encoder ?? 'libx264', {
        preset: options.preset ?? 'veryfast',
        bitrate: rendition.videoBitrate,
        gopFrames,
        alignKeyframesEvery: segmentDuration,
      }),
    );
  }
  if (withAudio) args.push('-map', audioInput, ...audioEncoderArgs(rendition.audioBitrate, options.copyAudio ?? false));
  if (options.threads !== undefined) args.push('-threads', String(options.threads));
  args.push('-map_metadata', '-1', '-max_muxing_queue_size', '1024');
  return [...args, ...hlsVodMuxerArgs(segmentDuration, output.mediaPath, output.playlistPath)];
}

/**
 * Builds ONE ffmpeg command that decodes the source once and writes every rung as a PeerTube-style
 * HLS VOD rendition: `<base>-fragmented.mp4` (init + all fragments) and `<base>.m3u8`
 * (byte-range playlist). Keyframes are forced on the segment grid so every rung cuts at the
 * same instants.
 *
 * @returns the argument list (without the ffmpeg binary) and the files it writes
 */
export function buildHlsLadderArgs(options: HlsLadderOptions): HlsLadderCommand {
  checkRenditions(options);
  const encoder = options.encoder ?? 'libx264';
  const outputs = outputFiles(options);
  const videoOutputs = outputs.filter((o) => o.rendition.resolution > 0);
  const videoInput = options.videoStreamIndex == null ? '0:v:0' : `0:${options.videoStreamIndex}`;

  const args = ['-hide_banner', '-y', ...encoderInputArgs(encoder, options.hwDevice), '-i', options.inputPath];
  if (videoOutputs.length > 0) {
    const graph = buildLadderFilterGraph(
      videoInput,
      videoOutputs.map((o) => o.rendition),
      encoder,
    );
    args.push('-filter_complex', graph);
  }
  for (const output of outputs) {
    const videoIndex = videoOutputs.indexOf(output);
    args.push(...renditionOutputArgs(output, videoIndex >= 0 ? `[v${videoIndex}]` : null, options));
  }
  return { args, outputs };
}

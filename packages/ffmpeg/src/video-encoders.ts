/** H.264 encoders we can drive; all produce streams PeerTube players accept. */
export type VideoEncoder = 'libx264' | 'h264_nvenc' | 'h264_vaapi' | 'h264_qsv';

/** x264 preset names; hardware encoders map them to their closest setting. */
export type EncoderPreset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow' | 'slower' | 'veryslow';

/** What an encoder needs to know about one video output. */
export interface VideoEncodeSettings {
  preset: EncoderPreset;
  /** Bitrate cap in bit/s (`-maxrate`; `-bufsize` is twice it). */
  bitrate: number;
  /** Keyframe interval in frames. */
  gopFrames: number;
  /**
   * When set, GOPs are fixed and closed on this grid (seconds): no scene-cut keyframes,
   * keyframes forced at every multiple, so HLS segments of all renditions line up.
   */
  alignKeyframesEvery?: number;
}

interface EncoderProfile {
  /** Options placed before `-i` (hardware device set-up). */
  inputArgs(hwDevice: string | undefined): string[];
  /** Filter appended to each scaled branch so frames reach the encoder in a format it accepts. */
  pixelFilter: string;
  /** Codec options of one output. */
  outputArgs(settings: VideoEncodeSettings): string[];
}

function rateArgs(bitrate: number): string[][] {
  return [
    ['-maxrate:v', String(bitrate)],
    ['-bufsize:v', String(bitrate * 2)],
  ];
}

function forcedKeyframes(seconds: number): string[] {
  return ['-force_key_frames:v', `expr:gte(t,n_forced*${seconds})`];
}

const NVENC_PRESETS: Record<EncoderPreset, string> = {
  ultrafast: 'p1',
  superfast: 'p1',
  veryfast: 'p2',
  faster: 'p3',
  fast: 'p4',
  medium: 'p5',
  slow: 'p6',
  slower: 'p7',
  veryslow: 'p7',
};

function qsvPreset(preset: EncoderPreset): string {
  return preset === 'ultrafast' || preset === 'superfast' ? 'veryfast' : preset;
}

function x264Args(s: VideoEncodeSettings): string[] {
  const gop = String(s.gopFrames);
  const aligned = s.alignKeyframesEvery ? [['-keyint_min:v', gop], ['-sc_threshold:v', '0'], forcedKeyframes(s.alignKeyframesEvery)] : [];
  return [
    ['-c:v', 'libx264'],
    ['-preset', s.preset],
    ...rateArgs(s.bitrate),
    ['-b_strategy', '1'],
    ['-bf', '16'],
    ['-g:v', gop],
    ...aligned,
  ].flat();
}

// Hardware encoders are mapped by option name only; they are not exercised by the test suite.
function nvencArgs(s: VideoEncodeSettings): string[] {
  const aligned = s.alignKeyframesEvery ? [['-no-scenecut', '1'], ['-forced-idr', '1'], forcedKeyframes(s.alignKeyframesEvery)] : [];
  return [
    ['-c:v', 'h264_nvenc'],
    ['-preset', NVENC_PRESETS[s.preset]],
    // Constant quality bounded by the same VBV cap as x264's default CRF mode.
    ['-rc', 'vbr'],
    ['-cq', '23'],
    ['-b:v', '0'],
    ...rateArgs(s.bitrate),
    ['-g:v', String(s.gopFrames)],
    ...aligned,
  ].flat();
}

function qsvArgs(s: VideoEncodeSettings): string[] {
  const aligned = s.alignKeyframesEvery ? [['-idr_interval', '0'], forcedKeyframes(s.alignKeyframesEvery)] : [];
  return [
    ['-c:v', 'h264_qsv'],
    ['-preset', qsvPreset(s.preset)],
    ['-look_ahead', '0'],
    ['-b:v', String(s.bitrate)],
    ...rateArgs(s.bitrate),
    ['-g:v', String(s.gopFrames)],
    ...aligned,
  ].flat();
}

function vaapiArgs(s: VideoEncodeSettings): string[] {
  const aligned = s.alignKeyframesEvery ? [['-idr_interval', '0'], forcedKeyframes(s.alignKeyframesEvery)] : [];
  return [
    ['-c:v', 'h264_vaapi'],
    ['-rc_mode', 'VBR'],
    ['-b:v', String(s.bitrate)],
    ...rateArgs(s.bitrate),
    ['-g:v', String(s.gopFrames)],
    ...aligned,
  ].flat();
}

const PROFILES: { [K in VideoEncoder]: EncoderProfile } = {
  libx264: { inputArgs: () => [], pixelFilter: 'format=yuv420p', outputArgs: x264Args },
  h264_nvenc: { inputArgs: () => [], pixelFilter: 'format=yuv420p', outputArgs: nvencArgs },
  h264_qsv: { inputArgs: () => [], pixelFilter: 'format=nv12', outputArgs: qsvArgs },
  h264_vaapi: {
    inputArgs: (hwDevice) => ['-vaapi_device', hwDevice ?? '/dev/dri/renderD128'],
    // VAAPI encodes from GPU surfaces: upload the scaled frames.
    pixelFilter: 'format=nv12,hwupload',
    outputArgs: vaapiArgs,
  },
};

/** Options to place before `-i` for an encoder (VAAPI needs its render device). */
export function encoderInputArgs(encoder: VideoEncoder, hwDevice?: string): string[] {
  return PROFILES[encoder].inputArgs(hwDevice);
}

/** Filter chain ending a scaled branch for an encoder, e.g. `format=yuv420p`. */
export function encoderPixelFilter(encoder: VideoEncoder): string {
  return PROFILES[encoder].pixelFilter;
}

/** Video codec options of one output for an encoder. */
export function videoEncoderArgs(encoder: VideoEncoder, settings: VideoEncodeSettings): string[] {
  return PROFILES[encoder].outputArgs(settings);
}

/** Frame-rate and scale filters of a video rung, followed by the encoder's pixel-format filter. */
export function renditionVideoFilter(rendition: { width: number; height: number; fps: number }, encoder: VideoEncoder): string {
  return `fps=${rendition.fps},scale=${rendition.width}:${rendition.height},${encoderPixelFilter(encoder)}`;
}

/** Standard resolutions (short side) used as bitrate classes, ascending. */
export const STANDARD_RESOLUTIONS = [144, 240, 360, 480, 720, 1080, 1440, 2160] as const;

/** Bits per pixel per class: average (encoder cap), max (copy check), min (floor). Media spec §2.6. */
const BITS_PER_PIXEL: Record<number, { avg: number; max: number; min: number }> = {
  144: { avg: 0.19, max: 0.32, min: 0.02 },
  240: { avg: 0.17, max: 0.29, min: 0.02 },
  360: { avg: 0.15, max: 0.26, min: 0.02 },
  480: { avg: 0.12, max: 0.22, min: 0.02 },
  720: { avg: 0.11, max: 0.19, min: 0.02 },
  1080: { avg: 0.1, max: 0.17, min: 0.02 },
  1440: { avg: 0.09, max: 0.16, min: 0.02 },
  2160: { avg: 0.08, max: 0.14, min: 0.02 },
};

/** Fallbacks when the pixel product is 0 (audio only). */
const AUDIO_FALLBACK = { avg: 192_000, max: 256_000, min: 10_000 } as const;

/** Which theoretical bitrate to compute. */
export type BitrateKind = keyof typeof AUDIO_FALLBACK;

/** `round(long / short, 4)`: the aspect ratio PeerTube feeds to its bitrate model. */
export function bitrateRatio(width: number, height: number): number {
  if (width <= 0 || height <= 0) return 0;
  return Math.round((Math.max(width, height) / Math.min(width, height)) * 10_000) / 10_000;
}

function bitrateClass(resolution: number): number {
  const below = STANDARD_RESOLUTIONS.filter((r) => r <= resolution);
  return below.at(-1) ?? STANDARD_RESOLUTIONS[0];
}

/**
 * Theoretical bitrate of a rung in bit/s: `floor(res × res × ratio × fps × bpp[class])`.
 *
 * @param options.ratio long side / short side (see {@link bitrateRatio})
 */
export function theoreticalBitrate(options: { resolution: number; ratio: number; fps: number; kind: BitrateKind }): number {
  const { resolution, ratio, fps, kind } = options;
  const bpp = BITS_PER_PIXEL[bitrateClass(resolution)]![kind];
  const value = Math.floor(resolution * resolution * ratio * fps * bpp);
  return value > 0 ? value : AUDIO_FALLBACK[kind];
}

/**
 * Encoder cap (`-maxrate`, with `-bufsize` = 2×) for a rung:
 * `max(min, min(avg, inputBitrate × 1.3))`, or `avg` when the input bitrate is unknown.
 */
export function targetVideoBitrate(options: { resolution: number; ratio: number; fps: number; inputBitrate: number }): number {
  const avg = theoreticalBitrate({ ...options, kind: 'avg' });
  if (!(options.inputBitrate > 0)) return avg;
  const min = theoreticalBitrate({ ...options, kind: 'min' });
  return Math.max(min, Math.min(avg, Math.floor(options.inputBitrate * 1.3)));
}

/** Audio bitrates used by the AAC rule of media spec §2.7, in bit/s. */
export const AUDIO_BITRATES = { low: 128_000, medium: 256_000, high: 384_000 } as const;

/**
 * AAC output bitrate (bit/s) for a source audio stream, following PeerTube's rule.
 * PeerTube passes no `-b:a` for AAC sources ≤ 384 kbit/s, which gives ffmpeg's 128 kbit/s
 * stereo default; we make that value explicit.
 */
export function targetAudioBitrate(inputCodec: string | null, inputBitrate: number): number {
  if (!(inputBitrate > 0)) return AUDIO_BITRATES.medium;
  if (inputCodec === 'aac') {
    return inputBitrate > AUDIO_BITRATES.high ? AUDIO_BITRATES.high : AUDIO_BITRATES.low;
  }
  if (inputBitrate <= 192_000) return AUDIO_BITRATES.low;
  if (inputBitrate <= AUDIO_BITRATES.high) return AUDIO_BITRATES.medium;
  return AUDIO_BITRATES.high;
}

/** Whether the source audio may be stream-copied (AAC, ≤ 384 kbit/s, known non-quad layout). */
export function canCopyAudio(codec: string | null, bitrate: number, channelLayout: string | null): boolean {
  return codec === 'aac' && bitrate > 0 && bitrate <= AUDIO_BITRATES.high && channelLayout !== null && channelLayout !== 'quad';
}

/**
 * Subset of the JSON printed by `ffprobe -print_format json -show_format -show_streams`
 * that this package reads. ffprobe prints numbers of the container as strings.
 */
export interface FfprobeStream {
  index: number;
  codec_name?: string;
  codec_type?: string;
  profile?: string;
  level?: number;
  width?: number;
  height?: number;
  pix_fmt?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  nb_frames?: string;
  duration?: string;
  channels?: number;
  channel_layout?: string;
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
}

/** `format` section of the ffprobe JSON. */
export interface FfprobeFormat {
  format_name?: string;
  duration?: string;
  size?: string;
  bit_rate?: string;
  tags?: Record<string, string>;
}

/** Whole ffprobe JSON document (only the sections we request). */
export interface FfprobeData {
  streams?: FfprobeStream[];
  format?: FfprobeFormat;
}

/** What we know about a media file after probing it. */
export interface ProbeResult {
  /** Path that was probed. */
  path: string;
  /** Duration in seconds (float); 0 when ffprobe could not tell. */
  duration: number;
  /** Demuxer name as reported by ffprobe, e.g. `mov,mp4,m4a,3gp,3g2,mj2` or `matroska,webm`. */
  format: string;
  /** True when a real (moving) video stream exists; cover art and still images do not count. */
  hasVideo: boolean;
  /** True when an audio stream exists. */
  hasAudio: boolean;
  /** Displayed width in pixels, after applying a ±90° rotation; 0 without video. */
  width: number;
  /** Displayed height in pixels, after applying a ±90° rotation; 0 without video. */
  height: number;
  /** PeerTube "resolution": `min(width, height)` of the displayed picture; 0 without video. */
  resolution: number;
  /** Rounded frame rate (`avg_frame_rate`, else `r_frame_rate`); 0 without video. */
  fps: number;
  /** ffprobe codec name of the selected video stream (e.g. `h264`), null without video. */
  videoCodec: string | null;
  /** ffprobe codec name of the selected audio stream (e.g. `aac`), null without audio. */
  audioCodec: string | null;
  /** Overall bit rate in bit/s (container, else video stream); 0 when unknown. */
  bitrate: number;
  /** Bit rate of the selected audio stream in bit/s; 0 when unknown. */
  audioBitrate: number;
  /** Channel layout of the selected audio stream (e.g. `stereo`), null when unknown. */
  audioChannelLayout: string | null;
  /** Pixel format of the selected video stream (e.g. `yuv420p`), null without video. */
  pixelFormat: string | null;
  /** Display rotation in degrees, normalised to (-180, 180]; 0 when none. */
  rotation: number;
  /** File size in bytes. */
  size: number;
  /** Absolute ffprobe index of the selected video stream (use as `-map 0:<index>`), null without video. */
  videoStreamIndex: number | null;
  /** Absolute ffprobe index of the selected audio stream, null without audio. */
  audioStreamIndex: number | null;
  /** Raw ffprobe JSON, e.g. to serve as file metadata. */
  raw: FfprobeData;
}

/** Why a file was refused by {@link ProbeError}. */
export const ProbeErrorCode = {
  /** ffprobe could not open or parse the file (random bytes, empty, truncated, text…). */
  UNREADABLE: 'unreadable',
  /** ffprobe read the file but found no audio nor video stream. */
  NO_MEDIA_STREAM: 'no-media-stream',
  /** The only picture is a still image (PNG, JPEG…) and there is no audio. */
  STILL_IMAGE: 'still-image',
  /** The demuxer is not a media container (e.g. text read as ANSI art). */
  NOT_MEDIA: 'not-media',
} as const;

/** One of the {@link ProbeErrorCode} values. */
export type ProbeErrorCode = (typeof ProbeErrorCode)[keyof typeof ProbeErrorCode];

/** Thrown when a file is not usable audio/video media. */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';

  /**
   * @param code machine-readable reason
   * @param path probed file
   * @param detail human-readable explanation (e.g. ffprobe's own message)
   */
  constructor(
    readonly code: ProbeErrorCode,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`Not a playable media file (${code}): ${path}: ${detail}`);
  }
}

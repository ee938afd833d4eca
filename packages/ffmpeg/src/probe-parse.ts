import { ProbeError, ProbeErrorCode, type FfprobeData, type FfprobeStream, type ProbeResult } from './probe.types.js';

/** Codecs that store single pictures; such a stream is a still unless it clearly has many frames. */
const IMAGE_CODECS = new Set([
  'mjpeg',
  'png',
  'apng',
  'gif',
  'webp',
  'bmp',
  'tiff',
  'jpeg2000',
  'jpegls',
  'jpegxl',
  'ppm',
  'pgm',
  'pam',
  'pbm',
  'qoi',
  'svg',
  'pcx',
  'sgi',
  'targa',
  'xbm',
  'xwd',
  'dpx',
  'exr',
  'hdr',
  'psd',
]);

/** Demuxers that never hold audio/video media worth transcoding. */
const NON_MEDIA_FORMATS = new Set(['tty']);

/** Image demuxers: `image2` (numbered files) and every `*_pipe` single-image reader. */
function isImageDemuxer(formatName: string): boolean {
  return formatName === 'image2' || formatName.endsWith('_pipe');
}

function toNumber(value: string | number | undefined): number {
  const n = typeof value === 'number' ? value : Number.parseFloat(value ?? '');
  return Number.isFinite(n) ? n : 0;
}

/** Parses an ffprobe rational such as `30000/1001`; 0 when absent or `0/0`. */
export function parseFrameRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [num, den = '1'] = rate.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** True when a video stream only carries a still picture (cover art, image file). */
export function isStillImageStream(stream: FfprobeStream, formatName: string): boolean {
  if (stream.disposition?.['attached_pic'] === 1) return true;
  if (isImageDemuxer(formatName)) return true;
  // An image codec inside a real container (MJPEG in AVI/MOV) is a moving picture when it
  // has several frames; without a frame count we assume a still, as PeerTube does.
  return IMAGE_CODECS.has(stream.codec_name ?? '') && !(toNumber(stream.nb_frames) > 1);
}

/** Display rotation of a stream in degrees, normalised to (-180, 180]. */
export function streamRotation(stream: FfprobeStream): number {
  const fromSideData = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const raw = fromSideData ?? toNumber(stream.tags?.['rotate']);
  let normalised = Math.round(raw) % 360;
  if (normalised > 180) normalised -= 360;
  if (normalised <= -180) normalised += 360;
  return normalised || 0; // no -0
}

function videoFacts(video: FfprobeStream | undefined) {
  if (!video) {
    return { width: 0, height: 0, resolution: 0, fps: 0, rotation: 0 };
  }
  const rotation = streamRotation(video);
  const quarterTurn = Math.abs(rotation) === 90;
  const codedWidth = video.width ?? 0;
  const codedHeight = video.height ?? 0;
  const width = quarterTurn ? codedHeight : codedWidth;
  const height = quarterTurn ? codedWidth : codedHeight;
  const fps = Math.round(parseFrameRate(video.avg_frame_rate) || parseFrameRate(video.r_frame_rate));
  return { width, height, resolution: Math.min(width, height), fps, rotation };
}

function checkIsMedia(raw: FfprobeData, path: string, hasVideo: boolean, hasAudio: boolean): void {
  const formatName = raw.format?.format_name ?? '';
  if (NON_MEDIA_FORMATS.has(formatName)) {
    throw new ProbeError(ProbeErrorCode.NOT_MEDIA, path, `demuxer "${formatName}" is not a media container`);
  }
  if (hasVideo || hasAudio) return;
  const hasStill = (raw.streams ?? []).some((s) => s.codec_type === 'video');
  if (hasStill) {
    throw new ProbeError(ProbeErrorCode.STILL_IMAGE, path, `still image (${formatName}) without audio`);
  }
  throw new ProbeError(ProbeErrorCode.NO_MEDIA_STREAM, path, 'no audio or video stream');
}

/**
 * Turns ffprobe JSON into a {@link ProbeResult}, following PeerTube's probing rules.
 *
 * @param raw parsed ffprobe output (`-show_format -show_streams`)
 * @param file path of the probed file and its size in bytes (used when ffprobe omits `format.size`)
 * @throws ProbeError when the file holds no usable audio/video
 */
export function parseProbeData(raw: FfprobeData, file: { path: string; size?: number }): ProbeResult {
  const formatName = raw.format?.format_name ?? '';
  const streams = raw.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !isStillImageStream(s, formatName));
  const audio = streams.find((s) => s.codec_type === 'audio');
  checkIsMedia(raw, file.path, video !== undefined, audio !== undefined);

  const facts = videoFacts(video);
  return {
    path: file.path,
    duration: toNumber(raw.format?.duration),
    format: formatName,
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    ...facts,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    bitrate: Math.round(toNumber(raw.format?.bit_rate) || toNumber(video?.bit_rate)),
    audioBitrate: Math.round(toNumber(audio?.bit_rate)),
    audioChannelLayout: audio?.channel_layout ?? null,
    pixelFormat: video?.pix_fmt ?? null,
    size: toNumber(raw.format?.size) || (file.size ?? 0),
    videoStreamIndex: video?.index ?? null,
    audioStreamIndex: audio?.index ?? null,
    raw,
  };
}

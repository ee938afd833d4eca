import type { FfprobeStream } from './probe.types.js';

const H264_PROFILES: Record<string, string> = {
  high: '6400',
  main: '4d40',
  baseline: '42e0',
  'constrained baseline': '42e0',
};

function twoHexDigits(value: number): string {
  return Math.max(0, Math.round(value)).toString(16).padStart(2, '0');
}

/**
 * RFC 6381 codec string of a video stream for `CODECS=`, e.g. `avc1.64001f` (High, level 3.1).
 * Unknown H.264 profiles count as High, as PeerTube does.
 */
export function videoCodecString(stream: Pick<FfprobeStream, 'codec_name' | 'profile' | 'level'>): string {
  const level = stream.level ?? 0;
  switch (stream.codec_name) {
    case 'h264': {
      const profile = H264_PROFILES[(stream.profile ?? '').toLowerCase()] ?? H264_PROFILES['high'];
      return `avc1.${profile}${twoHexDigits(level)}`;
    }
    case 'vp9':
      return 'vp09.00.50.08';
    case 'hevc':
      return 'hev1.1.6.L93.B0';
    case 'av1': {
      const profiles: Record<string, number> = { main: 0, high: 1, professional: 2 };
      const profile = profiles[(stream.profile ?? '').toLowerCase()] ?? 0;
      return `av01.${profile}.${String(Math.max(0, level)).padStart(2, '0')}M.08`;
    }
    default:
      return `avc1.${H264_PROFILES['high']}${twoHexDigits(level)}`;
  }
}

/** RFC 6381 codec string of an audio stream, e.g. `mp4a.40.2` for AAC-LC. */
export function audioCodecString(stream: Pick<FfprobeStream, 'codec_name' | 'profile'>): string {
  switch (stream.codec_name) {
    case 'aac':
      if (stream.profile === 'HE-AACv2') return 'mp4a.40.29';
      return stream.profile === 'HE-AAC' ? 'mp4a.40.5' : 'mp4a.40.2';
    case 'mp3':
      return 'mp4a.40.34';
    case 'opus':
      return 'opus';
    case 'vorbis':
      return 'vorbis';
    default:
      return 'mp4a.40.2';
  }
}

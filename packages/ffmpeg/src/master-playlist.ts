import { audioCodecString, videoCodecString } from './hls-codecs.js';
import { probeFile } from './probe.js';

/** One rendition as announced in the master playlist. */
export interface MasterPlaylistRendition {
  /** URI of the rendition playlist, relative to the master (usually its bare file name). */
  uri: string;
  /** Short side in pixels; 0 = audio only. */
  resolution: number;
  width: number;
  height: number;
  fps: number;
  /** Peak bandwidth in bit/s (PeerTube: `ceil(fileSize × 8 / duration)`). */
  bandwidth: number;
  /** RFC 6381 video codec string (e.g. `avc1.64001f`), null when there is no video. */
  videoCodec: string | null;
  /** RFC 6381 audio codec string (e.g. `mp4a.40.2`), null when there is no audio. */
  audioCodec: string | null;
}

/** A caption announced as an HLS subtitle rendition (PeerTube develop/v8). */
export interface MasterPlaylistSubtitle {
  /** Displayed name, e.g. `English`. */
  name: string;
  /** BCP 47 language code, e.g. `en`. */
  language: string;
  /** URI of the caption playlist. */
  uri: string;
}

function streamInf(r: MasterPlaylistRendition, extra: { audio?: MasterPlaylistRendition; subtitles: boolean }): string {
  const codecs = [r.videoCodec, r.audioCodec ?? extra.audio?.audioCodec].filter(Boolean).join(',');
  // RFC 8216: BANDWIDTH covers every rendition played together, so add the audio group's.
  const bandwidth = r.bandwidth + (extra.audio?.bandwidth ?? 0);
  const attributes = [`BANDWIDTH=${bandwidth}`];
  if (r.resolution > 0) attributes.push(`RESOLUTION=${r.width}x${r.height}`, `FRAME-RATE=${r.fps}`);
  attributes.push(`CODECS="${codecs}"`);
  if (extra.audio) attributes.push('AUDIO="audio"');
  if (extra.subtitles) attributes.push('SUBTITLES="subtitles"');
  return `#EXT-X-STREAM-INF:${attributes.join(',')}\n${r.uri}`;
}

function subtitleMedia(s: MasterPlaylistSubtitle): string {
  return (
    `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subtitles",NAME="${s.name}",DEFAULT=NO,AUTOSELECT=NO,` +
    `FORCED=NO,LANGUAGE="${s.language}",URI="${s.uri}"`
  );
}

/**
 * Builds the text of a VOD master playlist the way PeerTube lays it out (media spec §2.8).
 *
 * Video rungs are listed by increasing resolution. When video rungs carry no audio and an
 * audio-only rung exists (split audio), that rung becomes the `audio` group; otherwise the
 * audio-only rung is listed only when it is the sole rendition, so players never pick it by
 * themselves.
 */
export function buildMasterPlaylist(renditions: MasterPlaylistRendition[], subtitles: MasterPlaylistSubtitle[] = []): string {
  const video = renditions.filter((r) => r.resolution > 0).sort((a, b) => a.resolution - b.resolution);
  const audioOnly = renditions.find((r) => r.resolution === 0);
  const split = audioOnly !== undefined && video.length > 0 && video.every((r) => r.audioCodec === null);

  const sections = ['#EXTM3U\n#EXT-X-VERSION:3'];
  if (subtitles.length > 0) sections.push(subtitles.map(subtitleMedia).join('\n'));
  if (split) {
    sections.push(`#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Audio",AUTOSELECT=YES,DEFAULT=YES,URI="${audioOnly.uri}"`);
  }
  const extra = { audio: split ? audioOnly : undefined, subtitles: subtitles.length > 0 };
  const variants = video.length > 0 ? video : audioOnly ? [audioOnly] : [];
  if (variants.length === 0) throw new Error('A master playlist needs at least one rendition');
  sections.push(variants.map((r) => streamInf(r, extra)).join('\n'));
  return `${sections.join('\n\n')}\n`;
}

/**
 * Describes a written rendition for the master playlist by probing its fMP4: size, codecs
 * (profile and level as actually encoded), frame rate and bandwidth.
 *
 * @param options.mediaPath the `-fragmented.mp4` file
 * @param options.uri how the master refers to the rendition playlist
 */
export async function describeHlsRendition(options: { mediaPath: string; uri: string }): Promise<MasterPlaylistRendition> {
  const probe = await probeFile(options.mediaPath);
  const streams = probe.raw.streams ?? [];
  const video = streams.find((s) => s.index === probe.videoStreamIndex);
  const audio = streams.find((s) => s.index === probe.audioStreamIndex);
  return {
    uri: options.uri,
    resolution: probe.resolution,
    width: probe.width,
    height: probe.height,
    fps: probe.fps,
    bandwidth: probe.duration > 0 ? Math.ceil((probe.size * 8) / probe.duration) : probe.size,
    videoCodec: video ? videoCodecString(video) : null,
    audioCodec: audio ? audioCodecString(audio) : null,
  };
}

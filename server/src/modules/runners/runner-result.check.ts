import { readFile } from 'node:fs/promises';
import { parseByteRangePlaylist, probeFile, type ProbeResult } from '@shoal/ffmpeg';
import type { ExpectedRendition } from './runner-job.types';

/** A result the server refuses; its message goes to the runner and into the job's error. */
export class InvalidResultError extends Error {}

const VIDEO_CODECS = ['h264'];
const AUDIO_CODECS = ['aac', 'mp3', 'opus'];
/** Encoders may round odd sizes differently (`scale=-2`): a 2-pixel slack. */
const SIZE_SLACK = 2;

/** Duration slack: container rounding and the last partial segment, never a truncated encode. */
export function durationTolerance(expected: number): number {
  return Math.max(1.5, expected * 0.05);
}

async function probeOrRefuse(path: string, what: string): Promise<ProbeResult> {
  try {
    return await probeFile(path, { timeoutMs: 30_000 });
  } catch {
    throw new InvalidResultError(`The ${what} is not a readable media file`);
  }
}

/**
 * Probes an uploaded file and compares it with what the job asked for: stream kinds,
 * codecs, picture size and duration. Nothing reaches the video before this passed.
 */
export async function checkMediaResult(path: string, expected: ExpectedRendition, duration: number, what: string): Promise<ProbeResult> {
  const probe = await probeOrRefuse(path, what);
  const label = expected.resolution === 0 ? 'audio-only rendition' : `${expected.resolution}p rendition`;
  if (expected.resolution === 0) {
    if (probe.hasVideo || !probe.hasAudio) throw new InvalidResultError(`The ${label} must hold audio and no video`);
  } else {
    if (!probe.hasVideo) throw new InvalidResultError(`The ${label} has no video stream`);
    if (!VIDEO_CODECS.includes(probe.videoCodec ?? '')) throw new InvalidResultError(`The ${label} is ${probe.videoCodec}, not H.264`);
    if (Math.abs(probe.resolution - expected.resolution) > SIZE_SLACK) {
      throw new InvalidResultError(`The ${label} is ${probe.width}x${probe.height}, not ${expected.resolution}p`);
    }
    const sized = expected.width > 0 && expected.height > 0;
    if (sized && (Math.abs(probe.width - expected.width) > SIZE_SLACK || Math.abs(probe.height - expected.height) > SIZE_SLACK)) {
      throw new InvalidResultError(`The ${label} is ${probe.width}x${probe.height}, not ${expected.width}x${expected.height}`);
    }
  }
  if (probe.hasAudio && !AUDIO_CODECS.includes(probe.audioCodec ?? '')) {
    throw new InvalidResultError(`The ${label} has ${probe.audioCodec} audio, not AAC`);
  }
  if (duration > 0 && Math.abs(probe.duration - duration) > durationTolerance(duration)) {
    throw new InvalidResultError(`The ${label} lasts ${probe.duration.toFixed(2)} s instead of ${duration.toFixed(2)} s`);
  }
  return probe;
}

/**
 * A single-file byte-range playlist whose ranges fit in the uploaded fMP4.
 * @returns the playlist text and the media name it references (to be rewritten)
 */
export async function checkPlaylistResult(path: string, mediaSize: number): Promise<{ text: string; mediaName: string }> {
  const text = await readFile(path, 'utf8').catch(() => '');
  if (!text.startsWith('#EXTM3U')) throw new InvalidResultError('The rendition playlist is not an HLS playlist');
  let segments;
  try {
    segments = parseByteRangePlaylist(text);
  } catch {
    throw new InvalidResultError('The rendition playlist does not address byte ranges of one file');
  }
  if (segments.length === 0) throw new InvalidResultError('The rendition playlist has no segment');
  const names = new Set(segments.map((s) => s.uri));
  if (names.size !== 1) throw new InvalidResultError('The rendition playlist must reference exactly one media file');
  if (segments.some((s) => s.offset + s.length > mediaSize))
    throw new InvalidResultError('The rendition playlist addresses bytes past the media file');
  return { text, mediaName: [...names][0]! };
}

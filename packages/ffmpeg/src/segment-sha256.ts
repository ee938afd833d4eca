import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** One media segment of a byte-range playlist. */
export interface ByteRangeSegment {
  /** Segment URI as written in the playlist (the fMP4 file name). */
  uri: string;
  /** First byte of the segment. */
  offset: number;
  /** Length in bytes. */
  length: number;
}

/** PeerTube VOD segment hashes: fMP4 name → `"<start>-<endInclusive>"` → SHA-256 hex. */
export type SegmentsSha256 = Record<string, Record<string, string>>;

/**
 * Lists the media segments of an HLS playlist whose segments are byte ranges
 * (`#EXT-X-BYTERANGE:<length>[@<offset>]`). The `#EXT-X-MAP` init section is not a segment.
 *
 * @throws Error when a segment has no byte range (not a single-file playlist)
 */
export function parseByteRangePlaylist(text: string): ByteRangeSegment[] {
  const segments: ByteRangeSegment[] = [];
  let pending: { offset: number | null; length: number } | null = null;
  let previous: ByteRangeSegment | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const range = /^#EXT-X-BYTERANGE:(\d+)(?:@(\d+))?$/.exec(line);
    if (range) {
      pending = { length: Number(range[1]), offset: range[2] === undefined ? null : Number(range[2]) };
      continue;
    }
    if (line.startsWith('#')) continue;
    if (!pending) throw new Error(`Segment "${line}" has no EXT-X-BYTERANGE`);
    // Without "@offset" a range starts right after the previous segment of the same file.
    const offset = pending.offset ?? (previous?.uri === line ? previous.offset + previous.length : 0);
    previous = { uri: line, offset, length: pending.length };
    segments.push(previous);
    pending = null;
  }
  return segments;
}

/** PeerTube's key of a segment: `"<offset>-<offset + length - 1>"`. */
export function segmentRangeKey(segment: Pick<ByteRangeSegment, 'offset' | 'length'>): string {
  return `${segment.offset}-${segment.offset + segment.length - 1}`;
}

function hashRange(path: string, offset: number, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path, { start: offset, end: offset + length - 1 });
    let read = 0;
    stream.on('data', (chunk) => {
      read += chunk.length;
      hash.update(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => {
      if (read !== length) reject(new Error(`${path} is shorter than the range ${offset}+${length}`));
      else resolve(hash.digest('hex'));
    });
  });
}

/**
 * Computes the segment hash JSON of PeerTube VOD HLS (media spec §2.10) from written
 * rendition playlists: each fMP4 file name maps its segment byte ranges to their SHA-256.
 * Media files are resolved next to their playlist.
 *
 * @param playlistPaths rendition playlists (`<uuid>-<res>.m3u8`), not the master
 */
export async function computeSegmentsSha256(playlistPaths: string[]): Promise<SegmentsSha256> {
  const result: SegmentsSha256 = {};
  for (const playlistPath of playlistPaths) {
    const segments = parseByteRangePlaylist(await readFile(playlistPath, 'utf8'));
    for (const segment of segments) {
      const fileName = basename(segment.uri);
      const mediaPath = join(dirname(playlistPath), segment.uri);
      const hashes = (result[fileName] ??= {});
      hashes[segmentRangeKey(segment)] = await hashRange(mediaPath, segment.offset, segment.length);
    }
  }
  return result;
}

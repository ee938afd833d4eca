import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
}

/** ffprobe of a URL (or path): the streams it finds. Throws when ffprobe cannot read it. */
export async function ffprobeStreams(url: string): Promise<ProbedStream[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', url], { maxBuffer: 16 << 20 });
  return (JSON.parse(stdout) as { streams: ProbedStream[] }).streams;
}

interface Segment {
  uri: string;
  offset: number;
  length: number;
}

/** Media segments of a byte-range playlist; written here again so the check does not trust the code it checks. */
export function byteRangeSegments(playlist: string): Segment[] {
  const segments: Segment[] = [];
  let range: { length: number; offset?: number } | null = null;
  for (const line of playlist.split('\n').map((l) => l.trim())) {
    const m = /^#EXT-X-BYTERANGE:(\d+)(?:@(\d+))?$/.exec(line);
    if (m) range = { length: Number(m[1]), offset: m[2] === undefined ? undefined : Number(m[2]) };
    else if (line && !line.startsWith('#')) {
      assert.ok(range, `segment ${line} has a byte range`);
      const prev = segments.at(-1);
      segments.push({ uri: line, length: range.length, offset: range.offset ?? (prev ? prev.offset + prev.length : 0) });
      range = null;
    }
  }
  return segments;
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return res;
}

/**
 * Checks that the SHA-256 JSON has exactly one entry per segment of the given rendition
 * playlists and that every entry matches the bytes served over HTTP.
 * @returns the number of segments checked
 */
export async function checkSegmentHashes(shaUrl: string, playlistUrls: string[]): Promise<number> {
  const hashes = (await (await fetchOk(shaUrl)).json()) as Record<string, Record<string, string>>;
  const expectedKeys: string[] = [];
  let checked = 0;
  for (const playlistUrl of playlistUrls) {
    const segments = byteRangeSegments(await (await fetchOk(playlistUrl)).text());
    assert.ok(segments.length > 0, `${playlistUrl} has segments`);
    for (const s of segments) {
      const media = Buffer.from(await (await fetchOk(new URL(s.uri, playlistUrl).toString())).arrayBuffer());
      const key = `${s.offset}-${s.offset + s.length - 1}`;
      expectedKeys.push(`${s.uri} ${key}`);
      const digest = createHash('sha256')
        .update(media.subarray(s.offset, s.offset + s.length))
        .digest('hex');
      assert.equal(hashes[s.uri]?.[key], digest, `hash of ${s.uri} ${key}`);
      checked++;
    }
  }
  const actualKeys = Object.entries(hashes).flatMap(([file, ranges]) => Object.keys(ranges).map((k) => `${file} ${k}`));
  assert.deepEqual(actualKeys.sort(), expectedKeys.sort());
  return checked;
}

/**
 * An MP4 whose header (moov first) is intact but whose media data stops after a few bytes:
 * ffprobe reads it (so the upload is accepted), ffmpeg fails to decode it.
 */
export async function makeTruncatedClip(source: string, target: string): Promise<string> {
  const data = await readFile(source);
  let offset = 0;
  while (offset + 8 <= data.length) {
    const size = data.readUInt32BE(offset);
    if (data.toString('latin1', offset + 4, offset + 8) === 'mdat') {
      await writeFile(target, data.subarray(0, offset + 8 + 1500));
      return target;
    }
    offset += size;
  }
  throw new Error(`${source} has no mdat box`);
}

/** A clip with its index first (`faststart`), so that truncating it keeps the header. */
export async function makeFaststartClip(path: string, seconds: number): Promise<string> {
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc=size=640x360:rate=25:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', 'faststart', path],
  ]);
  return path;
}

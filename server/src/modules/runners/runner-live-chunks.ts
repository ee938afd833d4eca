import { randomBytes } from 'node:crypto';
import { copyFile, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerErrorCode } from '@shoal/models';
import { AppError } from '../../platform/errors';
import type { UploadedFiles } from './runner-job.success';

/** Server-side data of a `live-rtmp-hls-transcoding` job (never sent to runners). */
export interface LiveJobPrivatePayload {
  videoId: number;
  videoUUID: string;
  /** The live's HLS folder: chunks and playlists the runner sends are written there. */
  outputDir: string;
  /** Added to the runner's segment numbers: a restarted muxing never reuses a name players saw. */
  sequenceOffset: number;
  /** Renditions asked for (`<n>.m3u8` with n below this). */
  renditions: number;
}

/** The `payload[...]` fields of a live `update` (spec §10.3), after multipart parsing. */
interface LiveUpdatePayload {
  type?: unknown;
  videoChunkFilename?: unknown;
  resolutionPlaylistFilename?: unknown;
}

/** What ffmpeg's HLS muxer names things for lives; anything else is refused. */
const CHUNK_NAME = /^(\d{1,2})-(\d{6,9})\.ts$/;
const PLAYLIST_NAME = /^(\d{1,2})\.m3u8$/;
const MASTER_NAME = 'master.m3u8';
const MAX_PLAYLIST_BYTES = 256 * 1024;
/** A live segment larger than this is not a segment (1 s of 4K at high bit rate is far below). */
const MAX_CHUNK_BYTES = 200 * 1024 * 1024;

const invalid = (why: string) => AppError.badRequest(`Payload is invalid: ${why}`);

function renditionOf(name: string, pattern: RegExp, p: LiveJobPrivatePayload): RegExpExecArray {
  const m = pattern.exec(name);
  if (!m || Number(m[1]) >= p.renditions) throw invalid(`unexpected file name ${name.slice(0, 80)}`);
  return m;
}

/** The chunk name on the server: same rendition, sequence shifted by the job's offset. */
function serverChunkName(name: string, p: LiveJobPrivatePayload): string {
  const m = renditionOf(name, CHUNK_NAME, p);
  return `${m[1]}-${String(Number(m[2]) + p.sequenceOffset).padStart(6, '0')}.ts`;
}

/**
 * Checks a playlist line by line: tags, plus URIs that must be our own file names (a runner
 * cannot point players anywhere else). Segment names and the media sequence get the offset.
 */
function rewritePlaylist(text: string, p: LiveJobPrivatePayload, kind: 'media' | 'master'): string {
  if (!text.startsWith('#EXTM3U')) throw invalid(`the ${kind} playlist is not an HLS playlist`);
  const uriOk = (uri: string) =>
    kind === 'master' ? PLAYLIST_NAME.test(uri) && Number(PLAYLIST_NAME.exec(uri)![1]) < p.renditions : false;
  const lines = text.split(/\r?\n/).map((line) => {
    if (line === '') return line;
    if (line.startsWith('#')) {
      for (const m of line.matchAll(/URI="([^"]*)"/g)) if (!uriOk(m[1]!)) throw invalid(`unexpected URI in the ${kind} playlist`);
      const seq = /^#EXT-X-MEDIA-SEQUENCE:(\d+)$/.exec(line);
      return seq && p.sequenceOffset > 0 ? `#EXT-X-MEDIA-SEQUENCE:${Number(seq[1]) + p.sequenceOffset}` : line;
    }
    if (kind === 'master') {
      if (!uriOk(line)) throw invalid('unexpected URI in the master playlist');
      return line;
    }
    return serverChunkName(line, p);
  });
  return lines.join('\n');
}

/** Replaces `dest` in one step (write aside, then rename), so HTTP readers never see half a file. */
async function writeAtomically(dir: string, name: string, content: string): Promise<void> {
  const tmp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(tmp, content);
  await rename(tmp, join(dir, name));
}

async function moveAtomically(from: string, dir: string, name: string): Promise<void> {
  const tmp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  // The upload folder may be on another file system: copy beside the target, then rename.
  await rename(from, tmp).catch(() => copyFile(from, tmp));
  await rename(tmp, join(dir, name));
}

async function readPlaylist(path: string | undefined, what: string): Promise<string | null> {
  if (!path) return null;
  const { size } = await stat(path);
  if (size > MAX_PLAYLIST_BYTES) throw invalid(`the ${what} is too large`);
  return readFile(path, 'utf8');
}

/**
 * One live `update` (spec §10.3): chunk added or removed first, then the media playlist,
 * then the master, so a playlist never lists a segment the server does not have.
 */
export async function applyLiveUpdate(p: LiveJobPrivatePayload, payload: LiveUpdatePayload, files: UploadedFiles): Promise<void> {
  const { type, videoChunkFilename: chunkName, resolutionPlaylistFilename: playlistName } = payload;
  if (type !== 'add-chunk' && type !== 'remove-chunk') throw invalid('type must be add-chunk or remove-chunk');
  if (typeof chunkName !== 'string') throw invalid('videoChunkFilename is required');
  const chunk = serverChunkName(chunkName, p);
  const chunkPath = files.get('payload[videoChunkFile]');
  const playlistPath = files.get('payload[resolutionPlaylistFile]');
  if (type === 'add-chunk' && !chunkPath) throw invalid('videoChunkFile is required to add a chunk');
  if (playlistName !== undefined && (typeof playlistName !== 'string' || !playlistPath)) {
    throw invalid('resolutionPlaylistFilename goes with resolutionPlaylistFile');
  }
  if (playlistPath && playlistName === undefined) throw invalid('resolutionPlaylistFile needs resolutionPlaylistFilename');
  if (typeof playlistName === 'string') renditionOf(playlistName, PLAYLIST_NAME, p);
  // Everything is read and checked before anything is written.
  const media = await readPlaylist(playlistPath, 'media playlist');
  const mediaText = media === null ? null : rewritePlaylist(media, p, 'media');
  const master = await readPlaylist(files.get('payload[masterPlaylistFile]'), 'master playlist');
  const masterText = master === null ? null : rewritePlaylist(master, p, 'master');
  if (chunkPath) {
    const { size } = await stat(chunkPath);
    if (size === 0 || size > MAX_CHUNK_BYTES) throw invalid('the chunk size is out of bounds');
  }

  try {
    if (type === 'add-chunk') await moveAtomically(chunkPath!, p.outputDir, chunk);
    else await rm(join(p.outputDir, chunk), { force: true });
    if (mediaText !== null) await writeAtomically(p.outputDir, playlistName as string, mediaText);
    if (masterText !== null) await writeAtomically(p.outputDir, MASTER_NAME, masterText);
  } catch (err) {
    // The session ended and took its folder with it: the runner must stop (spec §10.4).
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw AppError.badRequest('This job is not in processing state', ServerErrorCode.RUNNER_JOB_NOT_IN_PROCESSING_STATE);
    }
    throw err;
  }
}

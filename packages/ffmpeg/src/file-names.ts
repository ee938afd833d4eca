import { randomUUID } from 'node:crypto';

/** File names of one HLS rendition (PeerTube layout, media spec §1.3). */
export interface HlsRenditionFileNames {
  /** Rendition playlist, e.g. `<uuid>-720.m3u8`. */
  playlist: string;
  /** Single fMP4 holding the init section and every segment, e.g. `<uuid>-720-fragmented.mp4`. */
  media: string;
}

/** Derives the playlist and media names from a base name such as `<uuid>-720`. */
export function hlsRenditionFileNames(baseName: string): HlsRenditionFileNames {
  return { playlist: `${baseName}.m3u8`, media: `${baseName}-fragmented.mp4` };
}

/** Fresh base name `<random uuid>-<resolution>`; a new UUID per file keeps caches from serving stale data. */
export function generateRenditionBaseName(resolution: number): string {
  return `${randomUUID()}-${resolution}`;
}

/** Rendition playlist name for an HLS media name (`-fragmented.mp4` → `.m3u8`). */
export function playlistNameFromMediaName(mediaName: string): string {
  return mediaName.replace(/-fragmented\.mp4$/, '.m3u8');
}

/** Fresh VOD master playlist name `<uuid>-master.m3u8`. */
export function generateMasterPlaylistName(): string {
  return `${randomUUID()}-master.m3u8`;
}

/** Fresh VOD segment hash file name `<uuid>-segments-sha256.json`. */
export function generateSegmentsSha256Name(): string {
  return `${randomUUID()}-segments-sha256.json`;
}

/** Fresh web video (progressive MP4) name `<uuid>-<resolution>.mp4`. */
export function generateWebVideoFileName(resolution: number): string {
  return `${randomUUID()}-${resolution}.mp4`;
}

/**
 * Files only a live writes, rewritten every segment: `master.m3u8`, `<n>.m3u8` and
 * `segments-sha256.json` (PeerTube's live layout). VOD names all start with a UUID, so the
 * name alone tells any process, with no session state, that a file must not be cached.
 */
export function isLiveRefreshedFileName(name: string): boolean {
  return /^(?:master|\d+)\.m3u8$|^segments-sha256\.json$/.test(name);
}

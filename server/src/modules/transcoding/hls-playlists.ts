import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  audioCodecString,
  buildMasterPlaylist,
  computeSegmentsSha256,
  generateMasterPlaylistName,
  generateSegmentsSha256Name,
  probeFile,
  videoCodecString,
  type FfprobeData,
  type HlsRenditionOutput,
  type MasterPlaylistRendition,
} from '@shoal/ffmpeg';

/** One written file and what its VideoFile row says about it. */
export interface RenditionFile {
  resolution: number;
  width: number;
  height: number;
  fps: number;
  size: number;
  hasAudio: boolean;
  hasVideo: boolean;
  /** Media file name (fMP4 or MP4) and where it is now. */
  filename: string;
  path: string;
  /** HLS rendition playlist; null for web videos. */
  playlistFilename: string | null;
  playlistPath: string | null;
  /** ffprobe JSON of the file, served by `/videos/:id/metadata/:fileId`. */
  metadata: FfprobeData;
}

export interface HlsPlaylistSet {
  dir: string;
  masterFilename: string;
  segmentsSha256Filename: string;
  files: RenditionFile[];
}

/** Probes a written file once, for both its row and its master-playlist entry. */
export async function describeFile(
  path: string,
  resolution: number,
  playlistPath: string | null,
): Promise<{ file: RenditionFile; master: MasterPlaylistRendition }> {
  const probe = await probeFile(path);
  const streams = probe.raw.streams ?? [];
  const video = streams.find((s) => s.index === probe.videoStreamIndex);
  const audio = streams.find((s) => s.index === probe.audioStreamIndex);
  const file: RenditionFile = {
    resolution,
    width: probe.width,
    height: probe.height,
    fps: probe.fps,
    size: probe.size,
    hasAudio: probe.hasAudio,
    hasVideo: probe.hasVideo,
    filename: basename(path),
    path,
    playlistFilename: playlistPath ? basename(playlistPath) : null,
    playlistPath,
    metadata: probe.raw,
  };
  const master: MasterPlaylistRendition = {
    uri: file.playlistFilename ?? file.filename,
    resolution,
    width: probe.width,
    height: probe.height,
    fps: probe.fps,
    // PeerTube's BANDWIDTH: the average bit rate of the whole rendition file.
    bandwidth: probe.duration > 0 ? Math.ceil((probe.size * 8) / probe.duration) : probe.size,
    videoCodec: video ? videoCodecString(video) : null,
    audioCodec: audio ? audioCodecString(audio) : null,
  };
  return { file, master };
}

/**
 * Describes every rendition of a finished ladder and writes, next to them, the master
 * playlist and the segment SHA-256 JSON under fresh random names.
 */
export async function writeHlsPlaylists(outputs: HlsRenditionOutput[]): Promise<HlsPlaylistSet> {
  if (outputs.length === 0) throw new Error('No HLS rendition to publish');
  const dir = dirname(outputs[0]!.playlistPath);
  const described = await Promise.all(outputs.map((o) => describeFile(o.mediaPath, o.rendition.resolution, o.playlistPath)));
  const masterFilename = generateMasterPlaylistName();
  const segmentsSha256Filename = generateSegmentsSha256Name();
  const hashes = await computeSegmentsSha256(outputs.map((o) => o.playlistPath));
  await writeFile(join(dir, masterFilename), buildMasterPlaylist(described.map((d) => d.master)));
  await writeFile(join(dir, segmentsSha256Filename), JSON.stringify(hashes));
  return { dir, masterFilename, segmentsSha256Filename, files: described.map((d) => d.file) };
}

import { access, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { VideoPrivacy } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { hlsDir, webVideoDir, type VideoModel } from '../videos';
import type { HlsPlaylistSet, RenditionFile } from './hls-playlists';
import type { RenditionRows } from './transcoding.repository';

/**
 * Moves a file, tolerating a second call for the same move (a replayed transaction) and a
 * scratch folder on another file system than the media folders.
 */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (
      code === 'ENOENT' &&
      (await access(to).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (code !== 'EXDEV') throw err;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}

/**
 * Moves a run's files from its scratch folder into the video's public or private tree
 * (by its privacy now). Names are fresh UUIDs, so they sit next to the old files safely.
 * @returns the final paths, to undo the move if the database update fails
 */
export async function placeFiles(
  ctx: AppContext,
  video: VideoModel,
  hls: HlsPlaylistSet | null,
  webVideos: RenditionFile[],
): Promise<string[]> {
  const placed: string[] = [];
  const move = async (from: string, dir: string, name: string) => {
    await moveFile(from, join(dir, name));
    placed.push(join(dir, name));
  };
  if (hls) {
    const hlsTarget = hlsDir(ctx, video);
    await mkdir(hlsTarget, { recursive: true });
    for (const name of [hls.masterFilename, hls.segmentsSha256Filename]) await move(join(hls.dir, name), hlsTarget, name);
    for (const file of hls.files) {
      await move(file.path, hlsTarget, file.filename);
      if (file.playlistPath && file.playlistFilename) await move(file.playlistPath, hlsTarget, file.playlistFilename);
    }
  }
  if (webVideos.length > 0) {
    const webTarget = webVideoDir(ctx, video.privacy);
    await mkdir(webTarget, { recursive: true });
    for (const file of webVideos) await move(file.path, webTarget, file.filename);
  }
  return placed;
}

export async function removePaths(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true })));
}

/**
 * Deletes the files of replaced rendition rows by name, in both privacy trees: a privacy
 * change may have moved them. Not the whole folder: the new files already live there.
 */
export async function removeOldRenditionFiles(ctx: AppContext, video: VideoModel, old: RenditionRows): Promise<void> {
  const hlsNames: Array<string | null | undefined> = [old.playlist?.playlistFilename, old.playlist?.segmentsSha256Filename];
  const webNames: string[] = [];
  for (const f of old.files) {
    if (f.streamingPlaylistId === null) webNames.push(f.filename);
    else hlsNames.push(f.filename, f.playlistFilename);
  }
  const paths: string[] = [];
  for (const privacy of [VideoPrivacy.PUBLIC, VideoPrivacy.PRIVATE]) {
    for (const name of hlsNames) if (name) paths.push(join(hlsDir(ctx, video, privacy), name));
    for (const name of webNames) paths.push(join(webVideoDir(ctx, privacy), name));
  }
  await removePaths(paths);
}

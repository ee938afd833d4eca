import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context';
import { VideoFileModel } from './video-file.model';
import { removeVideoImage } from './video-images';
import { hlsDir, originalFilePath, webVideoDir } from './video-paths';
import { VideoSourceModel } from './video-source.model';
import type { VideoModel } from './video.model';

/** Removes the HLS folder and web-video files of a video, whichever privacy tree they are in. */
export async function removeRenditionFiles(ctx: AppContext, video: VideoModel): Promise<void> {
  const webFiles = await VideoFileModel.findAll({ where: { videoId: video.id, streamingPlaylistId: null } });
  for (const privacy of [1, 3]) {
    await rm(hlsDir(ctx, video, privacy), { recursive: true, force: true });
    await Promise.all(webFiles.map((f) => rm(join(webVideoDir(ctx, privacy), f.filename), { force: true })));
  }
}

/** Everything a deleted video leaves on disk: renditions, originals, images. */
export async function removeAllVideoFiles(ctx: AppContext, video: VideoModel): Promise<void> {
  await removeRenditionFiles(ctx, video);
  const sources = await VideoSourceModel.findAll({ where: { videoId: video.id } });
  await Promise.all(sources.filter((s) => s.keepFilename).map((s) => rm(originalFilePath(ctx, s.keepFilename!), { force: true })));
  await removeVideoImage(ctx, 'thumbnail', video.thumbnailFilename);
  await removeVideoImage(ctx, 'preview', video.previewFilename);
}

/** Moves files between the public and private trees when a privacy change crosses that line. */
export async function moveFilesForPrivacy(ctx: AppContext, video: VideoModel, from: number, to: number): Promise<void> {
  const { rename, mkdir } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  const src = hlsDir(ctx, video, from);
  const dst = hlsDir(ctx, video, to);
  if (src === dst) return;
  await mkdir(dirname(dst), { recursive: true });
  await rename(src, dst).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  const webFiles = await VideoFileModel.findAll({ where: { videoId: video.id, streamingPlaylistId: null } });
  await mkdir(webVideoDir(ctx, to), { recursive: true });
  for (const f of webFiles) {
    await rename(join(webVideoDir(ctx, from), f.filename), join(webVideoDir(ctx, to), f.filename)).catch(() => undefined);
  }
}

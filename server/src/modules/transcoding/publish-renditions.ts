import { VideoState } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { removeVideoImage, saveVideoImage, type VideoModel } from '../videos';
import { placeFiles, removeOldRenditionFiles, removePaths } from './rendition-storage';
import type { TranscodeOutput } from './transcoding.pipeline';
import { transcodingRepository as repo, type RenditionRows } from './transcoding.repository';

export type PublishOutcome = 'published' | 'stale';

/** A thumbnail and a preview file name (either may be absent). */
interface ImageNames {
  thumbnail: string | null;
  preview: string | null;
}

/** Automatic images from the run's frame; an owner's uploaded image is never replaced. */
async function generateImages(ctx: AppContext, video: VideoModel, framePath: string | null): Promise<ImageNames> {
  if (!framePath) return { thumbnail: null, preview: null };
  return {
    thumbnail: video.customThumbnail ? null : await saveVideoImage(ctx, 'thumbnail', framePath),
    preview: video.customPreview ? null : await saveVideoImage(ctx, 'preview', framePath),
  };
}

async function dropImages(ctx: AppContext, images: ImageNames): Promise<void> {
  await removeVideoImage(ctx, 'thumbnail', images.thumbnail);
  await removeVideoImage(ctx, 'preview', images.preview);
}

/** Image columns to write under the lock, and the generated images that lost a race with an upload. */
function imageChanges(video: VideoModel, images: ImageNames) {
  const useThumbnail = images.thumbnail !== null && !video.customThumbnail;
  const usePreview = images.preview !== null && !video.customPreview;
  return {
    fields: {
      ...(useThumbnail ? { thumbnailFilename: images.thumbnail } : {}),
      ...(usePreview ? { previewFilename: images.preview } : {}),
    },
    replaced: {
      thumbnail: useThumbnail ? (video.thumbnailFilename ?? null) : null,
      preview: usePreview ? (video.previewFilename ?? null) : null,
    } as ImageNames,
    unused: { thumbnail: useThumbnail ? null : images.thumbnail, preview: usePreview ? null : images.preview } as ImageNames,
  };
}

interface Committed {
  video: VideoModel;
  old: RenditionRows;
  replaced: ImageNames;
  unused: ImageNames;
}

/** The transaction: lock, check the run is still current, move files, swap rows, publish. */
async function commit(
  ctx: AppContext,
  ids: { videoId: number; sourceId: number },
  out: TranscodeOutput,
  images: ImageNames,
  opts: { hls: boolean; placed: string[] },
): Promise<Committed | null> {
  return withTransaction(ctx.sequelize, async (transaction) => {
    const video = await repo.lockVideo(ids.videoId, transaction);
    if (!video || (await repo.currentSource(ids.videoId, transaction))?.id !== ids.sourceId) return null;
    const old = await repo.renditionRows(ids.videoId, transaction);
    const hls = opts.hls ? out.hls : null;
    opts.placed.push(...(await placeFiles(ctx, video, hls, out.webVideos)));
    await repo.replaceRenditions(
      video.id,
      {
        masterFilename: out.hls.masterFilename,
        segmentsSha256Filename: out.hls.segmentsSha256Filename,
        hlsFiles: hls?.files ?? [],
        webVideos: out.webVideos,
      },
      transaction,
    );
    const changes = imageChanges(video, images);
    const firstPublication = old.playlist === null && old.files.length === 0;
    await video.update(
      {
        state: VideoState.PUBLISHED,
        duration: Math.round(out.duration),
        aspectRatio: out.aspectRatio,
        transcodingError: null,
        ...(firstPublication ? { publishedAt: ctx.now() } : {}),
        ...changes.fields,
      },
      { transaction },
    );
    return { video, old, replaced: changes.replaced, unused: changes.unused };
  });
}

/**
 * Publishes a finished run: moves its files into place and, in ONE transaction, swaps the
 * rendition rows and publishes the video. Old files are deleted only after the commit, so
 * the video plays from one complete set or the other at any time. A run whose video was
 * deleted or given a newer source meanwhile is 'stale' and leaves no trace.
 */
export async function publishRenditions(
  ctx: AppContext,
  ids: { videoId: number; sourceId: number },
  out: TranscodeOutput,
  opts: { hls: boolean },
): Promise<PublishOutcome> {
  const before = await repo.findVideo(ids.videoId);
  if (!before) return 'stale';
  const images = await generateImages(ctx, before, out.framePath);
  const placed: string[] = [];
  let done: Committed | null;
  try {
    done = await commit(ctx, ids, out, images, { hls: opts.hls, placed });
  } catch (err) {
    await removePaths(placed);
    await dropImages(ctx, images);
    throw err;
  }
  if (!done) {
    await removePaths(placed);
    await dropImages(ctx, images);
    return 'stale';
  }
  await removeOldRenditionFiles(ctx, done.video, done.old);
  await dropImages(ctx, done.replaced);
  await dropImages(ctx, done.unused);
  // Subscribers (notifications…) hear about the first publication only; a new version is its own event.
  const first = done.old.playlist === null && done.old.files.length === 0;
  await ctx.events.emit(first ? 'video-published' : 'video-files-replaced', { videoId: ids.videoId });
  return 'published';
}

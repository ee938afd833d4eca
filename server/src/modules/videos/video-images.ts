import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ServerErrorCode } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';

/** PeerTube's two image sizes: a list miniature and a player preview. */
export const IMAGE_SIZES = {
  thumbnail: { width: 280, height: 157, dir: 'thumbnails' },
  preview: { width: 850, height: 480, dir: 'previews' },
} as const;
export type VideoImageKind = keyof typeof IMAGE_SIZES;

/**
 * Resizes an image (file path or bytes) to the exact box, JPEG q80, metadata stripped,
 * under a fresh random name. Unreadable input is a 400, not a 500.
 */
export async function saveVideoImage(ctx: AppContext, kind: VideoImageKind, input: string | Buffer): Promise<string> {
  const size = IMAGE_SIZES[kind];
  const filename = `${randomUUID()}.jpg`;
  const target = join(ctx.dirs[size.dir], filename);
  try {
    await sharp(input, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize(size.width, size.height, { fit: 'cover' })
      .jpeg({ quality: 80 })
      .toFile(target);
  } catch (err) {
    await rm(target, { force: true });
    throw new AppError(400, ServerErrorCode.VALIDATION_ERROR, `The ${kind} image cannot be read: ${(err as Error).message}`);
  }
  return filename;
}

export async function removeVideoImage(ctx: AppContext, kind: VideoImageKind, filename: string | null | undefined): Promise<void> {
  if (filename) await rm(join(ctx.dirs[IMAGE_SIZES[kind].dir], filename), { force: true });
}

import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ACTOR_IMAGE_CONSTRAINTS, ACTOR_IMAGE_SIZES, type ActorImageKind } from '@shoal/models';

/** Formats sharp may decode for actor images; anything else is refused even if sharp could read it (SVG, TIFF…). */
const ACCEPTED_FORMATS = new Set(['png', 'jpeg', 'gif', 'webp']);

export interface RenderedImage {
  filename: string;
  width: number;
  height: number;
}

/** The upload is not an image we accept; the caller turns this into a 400. */
export class UnreadableImageError extends Error {}

/** Magic bytes first: only these formats ever reach the decoder (no SVG/PDF parsing on user input). */
function sniffFormat(b: Buffer): string | undefined {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return undefined;
}

async function inspect(input: Buffer): Promise<{ hasAlpha: boolean }> {
  const sniffed = sniffFormat(input);
  if (!sniffed) throw new UnreadableImageError('The file is not a PNG, JPEG, GIF or WebP image');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: ACTOR_IMAGE_CONSTRAINTS.maxInputPixels }).metadata();
  } catch {
    throw new UnreadableImageError('The file is not a readable image');
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format) || meta.format !== sniffed)
    throw new UnreadableImageError(`Image format ${meta.format ?? 'unknown'} is not accepted`);
  if (!meta.width || !meta.height) throw new UnreadableImageError('The image has no size');
  if (meta.width * meta.height > ACTOR_IMAGE_CONSTRAINTS.maxInputPixels) throw new UnreadableImageError('The image is too large in pixels');
  return { hasAlpha: Boolean(meta.hasAlpha) };
}

/**
 * Decodes the upload once per size and writes cover-cropped copies under `dir` with fresh
 * random names. Transparent images become WebP (JPEG would paint the background black).
 * On any failure every file already written is removed, so a refused upload leaves nothing.
 */
export async function renderActorImages(input: Buffer, kind: ActorImageKind, dir: string): Promise<RenderedImage[]> {
  const { hasAlpha } = await inspect(input);
  const ext = hasAlpha ? 'webp' : 'jpg';
  const written: RenderedImage[] = [];
  try {
    for (const size of ACTOR_IMAGE_SIZES[kind]) {
      const filename = `${randomUUID()}.${ext}`;
      // Pre-register so the cleanup below also catches a partially written file.
      written.push({ filename, width: size.width, height: size.height });
      const pipeline = sharp(input, { limitInputPixels: ACTOR_IMAGE_CONSTRAINTS.maxInputPixels, failOn: 'error' })
        .rotate()
        .resize(size.width, size.height, { fit: 'cover' });
      let bytes: Buffer;
      try {
        bytes = await (hasAlpha ? pipeline.webp({ quality: 85 }) : pipeline.jpeg({ quality: 85, mozjpeg: true })).toBuffer();
      } catch {
        // Headers can be fine while the pixel data is truncated or corrupt.
        throw new UnreadableImageError('The image could not be decoded');
      }
      // Written by us rather than by sharp so that disk errors keep their code and stay 500s.
      await writeFile(join(dir, filename), bytes);
    }
  } catch (err) {
    await removeImageFiles(
      dir,
      written.map((w) => w.filename),
    );
    throw err;
  }
  return written;
}

/** Best-effort removal: a file that is already gone is not an error. */
export async function removeImageFiles(dir: string, filenames: string[]): Promise<void> {
  await Promise.all(filenames.map((f) => rm(join(dir, f), { force: true })));
}

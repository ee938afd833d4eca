import sharp from 'sharp';

let cached: Promise<Buffer> | null = null;

/**
 * The image of a live created without a thumbnail (PeerTube gives lives a default one too):
 * remote instances refuse a video without an icon, so a live must always have one to federate.
 */
export function defaultLiveImage(): Promise<Buffer> {
  cached ??= sharp({ create: { width: 1280, height: 720, channels: 3, background: '#1f2430' } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return cached;
}

/** PeerTube v7 image sizes (media spec §2.11). */
export const THUMBNAIL_SIZES = {
  /** Small image of video lists. */
  miniature: { width: 280, height: 157 },
  /** Large image shown before playback. */
  preview: { width: 850, height: 480 },
} as const;

/** Inputs of {@link buildThumbnailArgs}. */
export interface ThumbnailOptions {
  inputPath: string;
  /** Output JPEG path. */
  outputPath: string;
  width: number;
  height: number;
  /** Position to seek to, in seconds (PeerTube: half the duration). Omit to start at 0. */
  seekSeconds?: number;
  /** Frames the `thumbnail` filter compares to pick a representative one (PeerTube: 50; 0 = first frame). */
  framesToAnalyze?: number;
  /**
   * `cover` (default) fills the exact box, cropping the overflow, like PeerTube's final image;
   * `contain` fits inside the box, keeping the whole picture.
   */
  fit?: 'cover' | 'contain';
  videoStreamIndex?: number | null;
}

/** Filter chain picking and scaling the frame. */
export function thumbnailFilter(options: Pick<ThumbnailOptions, 'width' | 'height' | 'framesToAnalyze' | 'fit'>): string {
  const { width, height } = options;
  const frames = options.framesToAnalyze ?? 50;
  const pick = frames > 0 ? [`thumbnail=${frames}`] : [];
  const fit =
    (options.fit ?? 'cover') === 'cover'
      ? // Crop to the box ratio first: cropping after scaling rounds odd sizes (157) down for 4:2:0.
        [`crop='min(iw,ih*${width}/${height})':'min(ih,iw*${height}/${width})'`, `scale=${width}:${height}`]
      : [`scale=${width}:${height}:force_original_aspect_ratio=decrease`];
  return [...pick, ...fit, 'setsar=1'].join(',');
}

/**
 * Builds the ffmpeg arguments extracting one JPEG frame (quality `-q:v 5`) from a video.
 * If seeking fails on a broken file, callers retry without `seekSeconds`, as PeerTube does.
 */
export function buildThumbnailArgs(options: ThumbnailOptions): string[] {
  const seek = options.seekSeconds !== undefined ? ['-ss', String(options.seekSeconds)] : [];
  const videoInput = options.videoStreamIndex == null ? '0:v:0' : `0:${options.videoStreamIndex}`;
  return [
    ['-hide_banner', '-y'],
    seek,
    ['-i', options.inputPath],
    ['-map', videoInput],
    ['-vf', thumbnailFilter(options)],
    ['-frames:v', '1'],
    ['-q:v', '5'],
    ['-map_metadata', '-1'],
    ['-update', '1'],
    ['-f', 'image2'],
    [options.outputPath],
  ].flat();
}

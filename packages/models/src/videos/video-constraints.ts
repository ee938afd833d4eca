/** Field limits of videos; server validation and the client's forms both read these. */
export const VIDEO_CONSTRAINTS = {
  name: { min: 3, max: 120 },
  description: { min: 3, max: 10_000 },
  truncatedDescription: 250,
  support: { min: 3, max: 1000 },
  tags: { maxCount: 5, min: 2, max: 30 },
  password: { min: 2, max: 99 },
  chapterTitle: { min: 1, max: 100 },
  image: { maxBytes: 8 * 1024 * 1024, extensions: ['.png', '.jpg', '.jpeg', '.webp'] },
  /** Absolute cap of one upload, whatever the quota. */
  maxUploadBytes: 50 * 1024 ** 3,
} as const;

/** Containers accepted on upload (PeerTube's default list plus the "additional" and audio ones). */
export const VIDEO_EXTENSIONS = [
  '.mp4',
  '.webm',
  '.ogv',
  '.mkv',
  '.mov',
  '.m4v',
  '.avi',
  '.flv',
  '.ts',
  '.mpeg',
  '.mpg',
  '.3gp',
  '.wmv',
] as const;
export const AUDIO_EXTENSIONS = ['.mp3', '.ogg', '.wav', '.flac', '.aac', '.m4a', '.opus', '.wma'] as const;

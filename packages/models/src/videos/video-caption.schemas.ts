import { z } from 'zod';
import { VIDEO_LANGUAGES } from './video-enums';
import { videoIdSchema } from './video.schemas';

/** Limits of caption uploads; the server, `GET /config` and the client's editor read these. */
export const VIDEO_CAPTION_CONSTRAINTS = {
  /** PeerTube's default (`videoCaption.file.size.max`): a long film's subtitles stay far below it. */
  maxBytes: 20 * 1024 * 1024,
  extensions: ['.vtt', '.srt'],
  /** Types browsers and PeerTube clients send for those files (some send nothing useful). */
  mimeTypes: ['text/vtt', 'application/x-subrip', 'text/plain', 'application/octet-stream'],
} as const;

/** Multipart field of `PUT /videos/:id/captions/:captionLanguage` (PeerTube's name). */
export const CAPTION_FILE_FIELD = 'captionfile';

/** A language the instance knows (`GET /videos/languages`): captions of other codes are refused. */
export const captionLanguageSchema = z.string().refine((l) => Object.hasOwn(VIDEO_LANGUAGES, l), 'Unknown caption language');

export const videoCaptionParamsSchema = z.object({ id: videoIdSchema, captionLanguage: captionLanguageSchema });

/** One entry of `GET /videos/:id/captions`. */
export interface VideoCaption {
  language: { id: string; label: string };
  /** Path on the video's origin; deprecated by PeerTube 7.1 but still sent to older clients. */
  captionPath: string;
  /** Absolute URL of the WebVTT file (the origin's own URL for remote videos). */
  fileUrl: string;
  automaticallyGenerated: boolean;
  updatedAt: string;
}

export interface VideoCaptionList {
  total: number;
  data: VideoCaption[];
}

/** `Link` of a caption in a Video object's `subtitleLanguage[].url` (spec §4.4). */
const apCaptionLink = z.looseObject({ href: z.string(), mediaType: z.string().optional() });

/**
 * One `subtitleLanguage` entry as received: `url` is a list of links (newest PeerTube) or the
 * plain `.vtt` URL (older ones). Only the WebVTT URL matters to us.
 */
export const apSubtitleLanguageSchema = z.looseObject({
  identifier: captionLanguageSchema,
  name: z.string().optional(),
  automaticallyGenerated: z.boolean().nullish(),
  url: z.union([z.string(), z.array(z.unknown())]),
});
export type ApSubtitleLanguage = z.infer<typeof apSubtitleLanguageSchema>;

const isHttpUrl = (v: string) => v.length <= 2000 && /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v);

/** The WebVTT URL of a received caption, or null (a caption without one is dropped, like PeerTube does). */
export function apCaptionVttUrl(caption: ApSubtitleLanguage): string | null {
  if (typeof caption.url === 'string') return isHttpUrl(caption.url) ? caption.url : null;
  for (const item of caption.url) {
    const link = apCaptionLink.safeParse(item);
    if (!link.success || !isHttpUrl(link.data.href)) continue;
    const { mediaType, href } = link.data;
    if (mediaType === 'text/vtt' || (mediaType === undefined && new URL(href).pathname.endsWith('.vtt'))) return href;
  }
  return null;
}

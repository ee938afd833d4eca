import { z } from 'zod';
import { apAudience, apDate, apUrl } from './ap-object-common';

/** `{identifier, name}` of category, licence and language. Identifiers are strings on the wire. */
const identified = z
  .looseObject({ identifier: z.union([z.string(), z.number()]).transform(String), name: z.string().optional() })
  .nullish()
  .catch(null);

const image = z.looseObject({
  type: z.literal('Image'),
  url: apUrl,
  mediaType: z.string().regex(/^image\/(png|gif|webp|jpe?g)$/i),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
});
export type ApImage = z.infer<typeof image>;

/** A media file link (a web video or an fMP4 inside the HLS `tag`). */
export const apFileLinkSchema = z.looseObject({
  type: z.literal('Link'),
  mediaType: z.enum(['video/mp4', 'video/webm', 'video/ogg', 'audio/mp4']),
  href: apUrl,
  height: z.number().int().min(0),
  width: z.number().int().min(0).optional(),
  size: z.number().int().min(0),
  fps: z.number().min(-1).nullish(),
  attachment: z.array(z.unknown()).optional(),
});
export type ApFileLink = z.infer<typeof apFileLinkSchema>;

export const apHlsLinkSchema = z.looseObject({
  type: z.literal('Link'),
  mediaType: z.literal('application/x-mpegURL'),
  href: apUrl,
  tag: z.array(z.unknown()),
});

export const apSha256LinkSchema = z.looseObject({
  type: z.literal('Link'),
  name: z.literal('sha256'),
  href: apUrl,
});

/** `attributedTo` entries: newest PeerTube sends URLs, legacy `{type, id}` objects. */
const attributed = z.union([apUrl, z.looseObject({ type: z.string(), id: apUrl })]);

/** Keeps the items of `list` that parse with `schema`; PeerTube drops unknown entries instead of refusing the video. */
export function validItems<T extends z.ZodType>(schema: T, list: unknown): Array<z.infer<T>> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => {
    const r = schema.safeParse(x);
    return r.success ? [r.data] : [];
  });
}

/**
 * A received `Video` object (PeerTube's receiver rules, spec §4.1). Lenient where PeerTube is
 * lenient (defaults, junk entries dropped), strict where it refuses the video.
 */
export const videoObjectSchema = z.looseObject({
  type: z.literal('Video'),
  id: apUrl,
  uuid: z.uuid({ version: 'v4' }),
  name: z.string().min(3).max(120),
  duration: z.string().regex(/^PT\d+S$/),
  tag: z.unknown().optional(),
  category: identified,
  licence: identified,
  language: identified,
  views: z.number().int().min(0),
  sensitive: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  waitTranscoding: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  state: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? 1),
  commentsPolicy: z.number().int().min(1).max(3).optional().catch(undefined),
  commentsEnabled: z.boolean().optional().catch(undefined),
  downloadEnabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  published: apDate,
  updated: apDate,
  originallyPublishedAt: apDate.nullish().catch(null),
  mediaType: z.string().optional(),
  content: z.string().nullish(),
  summary: z.string().nullish(),
  support: z.string().nullish().catch(null),
  icon: z.array(z.unknown()).refine((l) => validItems(image, l).length > 0, 'needs at least one valid icon'),
  aspectRatio: z.number().nullish().catch(null),
  url: z.array(z.unknown()),
  likes: apUrl.optional().catch(undefined),
  dislikes: apUrl.optional().catch(undefined),
  shares: apUrl.optional().catch(undefined),
  comments: apUrl.optional().catch(undefined),
  hasParts: z.unknown().optional(),
  attributedTo: z.array(z.unknown()).refine((l) => validItems(attributed, l).length > 0, 'needs attributedTo'),
  to: apAudience,
  cc: apAudience,
  isLiveBroadcast: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  liveSaveReplay: z.boolean().nullish(),
  permanentLive: z.boolean().nullish(),
  latencyMode: z.number().int().nullish(),
});
export type VideoObjectIn = z.infer<typeof videoObjectSchema>;

export const apVideoIcons = (o: VideoObjectIn) => validItems(image, o.icon);
export const apVideoAttributedTo = (o: VideoObjectIn) =>
  validItems(attributed, o.attributedTo).map((a) => (typeof a === 'string' ? { id: a, type: null } : { id: a.id, type: a.type }));

/** Hashtag names (2–30 characters, at most 5, no `#`), as PeerTube keeps them. */
export function apVideoTags(o: VideoObjectIn): string[] {
  const tags = validItems(z.looseObject({ type: z.literal('Hashtag'), name: z.string() }), o.tag)
    .map((t) => t.name.replace(/^#/, ''))
    .filter((n) => n.length >= 2 && n.length <= 30);
  return [...new Set(tags)].slice(0, 5);
}

/** Chapters embedded in `hasParts` (PeerTube sends a URL instead; see chaptersObjectSchema). */
export const apChapterSchema = z.looseObject({ name: z.string().min(1).max(100), startOffset: z.number().min(0) });
export const chaptersObjectSchema = z.looseObject({ hasPart: z.array(z.unknown()) });

/** What we send (spec §4.6); a subset of fields is optional to keep the builder honest. */
export interface ApVideoObject {
  type: 'Video';
  id: string;
  uuid: string;
  name: string;
  duration: string;
  tag: Array<{ type: 'Hashtag'; name: string }>;
  category: { identifier: string; name: string } | null;
  licence: { identifier: string; name: string } | null;
  language: { identifier: string; name: string } | null;
  views: number;
  sensitive: boolean;
  waitTranscoding: boolean;
  state: number;
  commentsPolicy: number;
  commentsEnabled: boolean;
  canReply: string | null;
  downloadEnabled: boolean;
  published: string;
  updated: string;
  originallyPublishedAt: string | null;
  uploadDate?: string | null;
  mediaType: 'text/markdown';
  content: string | null;
  support: string | null;
  subtitleLanguage: unknown[];
  icon: ApImage[];
  aspectRatio: number | null;
  url: unknown[];
  likes: string;
  dislikes: string;
  shares: string;
  comments: string;
  hasParts: string;
  attributedTo: string[];
  isLiveBroadcast: boolean;
  liveSaveReplay: boolean | null;
  permanentLive: boolean | null;
  latencyMode: number | null;
  to: string[];
  cc: string[];
}

import { z } from 'zod';
import { queryBoolean, listQuerySchema } from '../common/pagination.schema';
import { VIDEO_CONSTRAINTS } from './video-constraints';
import { VIDEO_CATEGORIES, VIDEO_LANGUAGES, VIDEO_LICENCES } from './video-enums';

const c = VIDEO_CONSTRAINTS;

/** Multipart bodies send every value as text: these accept both forms. */
const intish = z.coerce.number().int();
const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((v) => [v])]);

export const videoPrivacySchema = intish.pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]));
export const videoNameSchema = z.string().trim().min(c.name.min).max(c.name.max);
export const videoPasswordSchema = z.string().min(c.password.min).max(c.password.max);
export const videoPasswordsSchema = z
  .array(videoPasswordSchema)
  .min(1)
  .max(100)
  .refine((list) => new Set(list).size === list.length, 'passwords must be unique');

const category = intish.refine((v) => v in VIDEO_CATEGORIES, 'unknown category');
const licence = intish.refine((v) => v in VIDEO_LICENCES, 'unknown licence');
const language = z.string().refine((v) => v in VIDEO_LANGUAGES, 'unknown language');
const tag = z.string().trim().min(c.tags.min).max(c.tags.max);

/** Metadata fields shared by uploads and updates (all optional here). */
const metadataFields = {
  category: category.nullable().optional(),
  licence: licence.nullable().optional(),
  language: language.nullable().optional(),
  privacy: videoPrivacySchema.optional(),
  description: z.string().max(c.description.max).nullable().optional(),
  support: z.string().max(c.support.max).nullable().optional(),
  nsfw: boolish.optional(),
  waitTranscoding: boolish.optional(),
  tags: oneOrMany(tag).pipe(z.array(tag).max(c.tags.maxCount)).optional(),
  commentsPolicy: intish.pipe(z.union([z.literal(1), z.literal(2), z.literal(3)])).optional(),
  commentsEnabled: boolish.optional(),
  downloadEnabled: boolish.optional(),
  originallyPublishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  videoPasswords: oneOrMany(videoPasswordSchema).pipe(videoPasswordsSchema).optional(),
};

/** Fields of `POST /videos/upload` and the resumable init (besides the file). */
export const videoUploadSchema = z.strictObject({
  ...metadataFields,
  name: videoNameSchema,
  channelId: intish.positive(),
  // resumable-init only
  filename: z.string().min(1).max(255).optional(),
  originalName: z.string().max(255).optional(),
  lastModified: z.union([z.string(), z.number()]).optional(),
  previewfile: z.unknown().optional(),
  thumbnailfile: z.unknown().optional(),
  generateTranscription: boolish.optional(),
});
export type VideoUpload = z.infer<typeof videoUploadSchema>;

/** `PUT /videos/:id` (JSON or multipart). */
export const videoUpdateSchema = z.strictObject({
  ...metadataFields,
  name: videoNameSchema.optional(),
  channelId: intish.positive().optional(),
  previewfile: z.unknown().optional(),
  thumbnailfile: z.unknown().optional(),
});
export type VideoUpdate = z.infer<typeof videoUpdateSchema>;

export const VIDEO_SORTS = [
  'name',
  'duration',
  'createdAt',
  'publishedAt',
  'originallyPublishedAt',
  'views',
  'likes',
  'trending',
  'hot',
  'best',
] as const;

/** Common filters of every video list. */
export const videoListQuerySchema = listQuerySchema(VIDEO_SORTS, '-publishedAt').extend({
  categoryOneOf: oneOrMany(intish).optional(),
  licenceOneOf: oneOrMany(intish).optional(),
  languageOneOf: oneOrMany(z.string().max(10)).optional(),
  tagsOneOf: oneOrMany(z.string().max(c.tags.max)).pipe(z.array(z.string()).max(5)).optional(),
  tagsAllOf: oneOrMany(z.string().max(c.tags.max)).pipe(z.array(z.string()).max(5)).optional(),
  privacyOneOf: oneOrMany(videoPrivacySchema).optional(),
  isLocal: queryBoolean.optional(),
  isLive: queryBoolean.optional(),
  nsfw: z.enum(['true', 'false', 'both']).optional(),
  include: intish.min(0).optional(),
  skipCount: queryBoolean.optional(),
  hasHLSFiles: queryBoolean.optional(),
  hasWebVideoFiles: queryBoolean.optional(),
  excludeAlreadyWatched: queryBoolean.optional(),
  host: z.string().max(255).optional(),
});
export type VideoListQuery = z.infer<typeof videoListQuerySchema>;

export const videoSearchQuerySchema = videoListQuerySchema.extend({
  sort: z.enum(['match', '-match', ...VIDEO_SORTS.flatMap((s) => [s, `-${s}`])]).default('-match'),
  startDate: z.iso.datetime({ offset: true }).optional(),
  endDate: z.iso.datetime({ offset: true }).optional(),
  durationMin: intish.min(0).optional(),
  durationMax: intish.min(0).optional(),
  searchTarget: z.enum(['local', 'search-index']).optional(),
});

export const videoRateSchema = z.strictObject({ rating: z.enum(['like', 'dislike', 'none']) });

export const videoViewSchema = z.object({
  currentTime: z.coerce.number().min(0),
  viewEvent: z.enum(['seek']).optional(),
  sessionId: z
    .string()
    .regex(/^[a-zA-Z0-9-]+$/)
    .max(100)
    .optional(),
  client: z.string().max(100).optional(),
  device: z.string().max(100).optional(),
  operatingSystem: z.string().max(100).optional(),
});

export const videoChaptersSchema = z.strictObject({
  chapters: z
    .array(z.strictObject({ timecode: z.number().int().min(0), title: z.string().min(c.chapterTitle.min).max(c.chapterTitle.max) }))
    .max(500)
    .refine((list) => new Set(list.map((ch) => ch.timecode)).size === list.length, 'chapter timecodes must be unique'),
});

export const videoPasswordsUpdateSchema = z.strictObject({ passwords: videoPasswordsSchema });

/** `:id` of video routes: numeric id, UUID v4 or short UUID. */
export const videoIdSchema = z.union([
  z.string().regex(/^\d{1,10}$/),
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
  z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{20,22}$/),
]);

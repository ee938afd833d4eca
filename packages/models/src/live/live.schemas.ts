import { z } from 'zod';
import { videoUploadSchema } from '../videos/video.schemas';

const intish = z.coerce.number().int();
const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const privacy = intish.pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]));
export const liveLatencyModeSchema = intish.pipe(z.union([z.literal(1), z.literal(2), z.literal(3)]));

/** `replaySettings` object, or its multipart spelling `replaySettings[privacy]`. */
const replaySettingsSchema = z.strictObject({ privacy });

const liveFields = {
  saveReplay: boolish.optional(),
  replaySettings: replaySettingsSchema.optional(),
  'replaySettings[privacy]': privacy.optional(),
  permanentLive: boolish.optional(),
  latencyMode: liveLatencyModeSchema.optional(),
};

/** `POST /videos/live`: the upload metadata (no file) plus the live settings. */
export const liveCreateSchema = videoUploadSchema
  .omit({ filename: true, originalName: true, lastModified: true, generateTranscription: true })
  .extend(liveFields)
  .transform(normalizeReplaySettings);
export type LiveCreate = z.infer<typeof liveCreateSchema>;

/** `PUT /videos/live/:id`. */
export const liveUpdateSchema = z.strictObject(liveFields).transform(normalizeReplaySettings);
export type LiveUpdate = z.infer<typeof liveUpdateSchema>;

function normalizeReplaySettings<T extends { replaySettings?: { privacy: number }; 'replaySettings[privacy]'?: number }>(v: T) {
  const { 'replaySettings[privacy]': flat, ...rest } = v;
  return { ...rest, replaySettings: rest.replaySettings ?? (flat === undefined ? undefined : { privacy: flat }) };
}

/** `GET /videos/live/:id`. Connection fields only for the owner. */
export interface LiveVideo {
  rtmpUrl?: string | null;
  rtmpsUrl?: string | null;
  streamKey?: string;
  saveReplay: boolean;
  replaySettings?: { privacy: number };
  permanentLive: boolean;
  latencyMode: number;
}

export interface LiveVideoSession {
  id: number;
  startDate: string;
  endDate: string | null;
  error: number | null;
  saveReplay: boolean;
  endingProcessed: boolean;
  replaySettings?: { privacy: number };
  replayVideo: { id: number; uuid: string; shortUUID: string } | null;
}

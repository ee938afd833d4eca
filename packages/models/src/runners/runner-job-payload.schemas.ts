import { z } from 'zod';

/** Inputs are fetched with POST + `{ runnerToken, jobToken }` (spec §8). */
const url = z.string().min(1).max(2000);

export const vodHlsPayloadSchema = z.object({
  input: z.object({ videoFileUrl: url, separatedAudioFileUrl: z.array(url).optional() }),
  output: z.object({ resolution: z.number().int().min(0), fps: z.number().min(0), separatedAudio: z.boolean().optional() }),
});
export type VodHlsPayload = z.infer<typeof vodHlsPayloadSchema>;

export const vodWebVideoPayloadSchema = z.object({
  input: z.object({ videoFileUrl: url, separatedAudioFileUrl: z.array(url).optional() }),
  output: z.object({ resolution: z.number().int().min(0), fps: z.number().min(0) }),
});
export type VodWebVideoPayload = z.infer<typeof vodWebVideoPayloadSchema>;

export const vodAudioMergePayloadSchema = z.object({
  input: z.object({ audioFileUrl: url, previewFileUrl: url }),
  output: z.object({ resolution: z.number().int().min(1), fps: z.number().min(1) }),
});
export type VodAudioMergePayload = z.infer<typeof vodAudioMergePayloadSchema>;

/** One rung of Shoal's ladder job: the server decides sizes and bit rates, the runner only encodes. */
export const ladderRenditionSchema = z.object({
  resolution: z.number().int().min(0),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
  fps: z.number().min(0),
  videoBitrate: z.number().int().min(0),
  audioBitrate: z.number().int().min(0),
});
export type LadderRendition = z.infer<typeof ladderRenditionSchema>;

/**
 * `vod-hls-ladder-transcoding` (Shoal): the source → every rendition in one ffmpeg process.
 * Success carries, per rendition i (in `output.renditions` order), the multipart files
 * `payload[renditions][i][videoFile]` and `payload[renditions][i][resolutionPlaylistFile]`.
 */
export const vodHlsLadderPayloadSchema = z.object({
  input: z.object({ videoFileUrl: url }),
  output: z.object({
    renditions: z.array(ladderRenditionSchema).min(1).max(20),
    segmentDuration: z.number().int().min(1).max(10),
    copyAudio: z.boolean(),
    videoStreamIndex: z.number().int().nullable(),
    audioStreamIndex: z.number().int().nullable(),
  }),
});
export type VodHlsLadderPayload = z.infer<typeof vodHlsLadderPayloadSchema>;

export const runnerJobPayloadSchemas = {
  'vod-hls-transcoding': vodHlsPayloadSchema,
  'vod-web-video-transcoding': vodWebVideoPayloadSchema,
  'vod-audio-merge-transcoding': vodAudioMergePayloadSchema,
  'vod-hls-ladder-transcoding': vodHlsLadderPayloadSchema,
} as const;
export type VodRunnerJobType = keyof typeof runnerJobPayloadSchemas;

import { z } from 'zod';

/** What `POST /videos/:id/transcoding` may ask for (PeerTube's body). */
export const VIDEO_TRANSCODING_TYPES = ['hls', 'web-video'] as const;
export type VideoTranscodingType = (typeof VIDEO_TRANSCODING_TYPES)[number];

export const videoTranscodingCreateSchema = z.object({
  transcodingType: z.enum(VIDEO_TRANSCODING_TYPES),
  /** Run even when the video looks stuck in the "to transcode" state. */
  forceTranscoding: z.boolean().optional(),
});
export type VideoTranscodingCreate = z.infer<typeof videoTranscodingCreateSchema>;

import { z } from 'zod';
import { apAudience, apRef, apUrl } from './ap-object-common';

/** `Like` / `Dislike` of a video (spec §6.6); `object` is the video URL. */
export const rateActivitySchema = z.looseObject({
  type: z.enum(['Like', 'Dislike']),
  id: apUrl,
  actor: apRef,
  object: apRef,
  to: apAudience,
  cc: apAudience,
});
export type RateActivityIn = z.infer<typeof rateActivitySchema>;

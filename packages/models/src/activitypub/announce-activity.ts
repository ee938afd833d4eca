import { z } from 'zod';
import { apAudience, apRef, apUrl } from './ap-object-common';

/** `Announce` (share) of a video by a channel or an instance actor (spec §6.5). */
export const announceActivitySchema = z.looseObject({
  type: z.literal('Announce'),
  id: apUrl,
  actor: apRef,
  object: apRef,
  to: apAudience,
  cc: apAudience,
});
export type AnnounceActivityIn = z.infer<typeof announceActivitySchema>;

import { z } from 'zod';
import { apAudience, apDate, apRef, apUrl } from './ap-object-common';

/**
 * `View` of a video (spec §6.7). PeerTube sends one per view; Shoal batches views per video and
 * interval and carries how many in `result.userInteractionCount` (without `expires`, which would
 * make it a live-viewer heartbeat). A View without a counter counts as one.
 */
export const viewActivitySchema = z.looseObject({
  type: z.literal('View'),
  id: apUrl,
  actor: apRef,
  object: apRef,
  expires: apDate.optional().catch(undefined),
  expiration: apDate.optional().catch(undefined),
  result: z
    .looseObject({
      type: z.literal('InteractionCounter'),
      interactionType: z.string(),
      userInteractionCount: z.number().int().min(0).max(1_000_000),
    })
    .optional()
    .catch(undefined),
  to: apAudience,
  cc: apAudience,
});
export type ViewActivityIn = z.infer<typeof viewActivitySchema>;

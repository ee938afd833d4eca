import { z } from 'zod';
import { apAudience, apRef, apUrl } from './ap-object-common';

/** Report reasons as PeerTube names them in the Flag's Hashtag tags. */
export const FLAG_REASON_NAMES = [
  'violentOrRepulsive',
  'hatefulOrAbusive',
  'spamOrMisleading',
  'privacy',
  'rights',
  'serverRules',
  'thumbnails',
  'captions',
] as const;

/** `Flag` (abuse report, spec §5.6/§6.8). PeerTube sends one object URL; Mastodon may send several. */
export const flagActivitySchema = z.looseObject({
  type: z.literal('Flag'),
  id: apUrl,
  actor: apRef,
  content: z.string().min(2).max(3000),
  object: z.union([apUrl, z.array(apUrl).min(1).max(20)]).transform((v) => (Array.isArray(v) ? v : [v])),
  tag: z.unknown().optional(),
  startAt: z.number().int().min(0).nullish().catch(null),
  endAt: z.number().int().min(0).nullish().catch(null),
  to: apAudience,
  cc: apAudience,
});
export type FlagActivityIn = z.infer<typeof flagActivitySchema>;

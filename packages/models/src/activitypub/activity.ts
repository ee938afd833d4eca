import { z } from 'zod';
import { apAudience, apRef, apUrl } from './ap-object-common';

/** Activity types PeerTube sends or accepts (§6.0). */
export const AP_ACTIVITY_TYPES = [
  'Create',
  'Update',
  'Delete',
  'Follow',
  'Accept',
  'Reject',
  'Announce',
  'Undo',
  'Like',
  'Dislike',
  'View',
  'Flag',
  'ApproveReply',
  'RejectReply',
  'Download',
] as const;
export type ApActivityType = (typeof AP_ACTIVITY_TYPES)[number];

/**
 * The shape every incoming activity must have before any handler sees it: a known type, a URL id,
 * an actor (URL or object with a URL id, normalised to the URL) and URL audiences. `object` is left
 * to each handler's own schema. Unknown members are kept (signatures, extensions).
 */
export const apActivityBase = z.looseObject({
  '@context': z.unknown().optional(),
  type: z.enum(AP_ACTIVITY_TYPES),
  id: apUrl,
  actor: apRef,
  object: z.unknown(),
  to: apAudience,
  cc: apAudience,
});
export type ApActivity = z.infer<typeof apActivityBase>;

/** The id of an activity's object: a URL string, or an embedded object's `id`. */
export function apObjectId(object: unknown): string | null {
  if (typeof object === 'string') return apUrl.safeParse(object).success ? object : null;
  if (object && typeof object === 'object' && typeof (object as { id?: unknown }).id === 'string') {
    const id = (object as { id: string }).id;
    return apUrl.safeParse(id).success ? id : null;
  }
  return null;
}

/** The `type` of an embedded object, or null for a bare URL. */
export function apObjectType(object: unknown): string | null {
  if (object && typeof object === 'object' && typeof (object as { type?: unknown }).type === 'string') {
    return (object as { type: string }).type;
  }
  return null;
}

/** `Follow` as embedded in Accept/Reject/Undo: actor and object are URLs (or `{id}` objects). */
export const apFollowObject = z.looseObject({
  type: z.literal('Follow'),
  id: apUrl.optional(),
  actor: apRef,
  object: apRef,
});

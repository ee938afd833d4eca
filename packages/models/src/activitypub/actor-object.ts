import { z } from 'zod';
import { apUrl } from './ap-object-common';

/** Actor types PeerTube maps to an account (Person-like) or a channel (Group). */
export const AP_ACCOUNT_TYPES = ['Person', 'Application', 'Service', 'Organization'] as const;
export const AP_ACTOR_TYPES = [...AP_ACCOUNT_TYPES, 'Group'] as const;
export type ApActorType = (typeof AP_ACTOR_TYPES)[number];

const pem = z
  .string()
  .min(10)
  .max(5000)
  .refine((v) => v.includes('BEGIN PUBLIC KEY') || v.includes('BEGIN RSA PUBLIC KEY'), 'not a PEM public key');

const image = z.looseObject({ type: z.literal('Image').optional(), url: z.union([apUrl, z.unknown()]) });

/**
 * A remote actor as received (PeerTube §1.2): id, inbox, preferredUsername and a public key are
 * required; the rest is checked only when present. Unknown members are kept (Mastodon adds many).
 */
export const apActorSchema = z.looseObject({
  type: z.enum(AP_ACTOR_TYPES),
  id: apUrl,
  preferredUsername: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9\-_.:]+$/),
  name: z.string().max(5000).nullish(),
  summary: z.string().nullish(),
  inbox: apUrl,
  outbox: apUrl.optional(),
  followers: apUrl.optional(),
  following: apUrl.optional(),
  endpoints: z.looseObject({ sharedInbox: apUrl.optional() }).optional(),
  publicKey: z.looseObject({ id: apUrl, owner: apUrl, publicKeyPem: pem }),
  published: z.string().optional(),
  attributedTo: z.unknown().optional(),
  support: z.string().nullish(),
  icon: z.union([image, z.array(image)]).nullish(),
  /** Banner (PeerTube and Mastodon). */
  image: z
    .union([image, z.array(image)])
    .nullish()
    .catch(null),
});
export type ApActor = z.infer<typeof apActorSchema>;

/**
 * Owner references of a Group: `["url"]` (newest) or `[{type:"Person", id}]` (legacy), or a single one.
 * Returns the URLs of Person-like owners.
 */
export function apActorOwners(attributedTo: unknown): string[] {
  const list = Array.isArray(attributedTo) ? attributedTo : attributedTo === undefined ? [] : [attributedTo];
  const urls: string[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') urls.push(entry);
    else if (entry && typeof entry === 'object') {
      const { id, type } = entry as { id?: unknown; type?: unknown };
      if (typeof id === 'string' && (type === undefined || (AP_ACCOUNT_TYPES as readonly unknown[]).includes(type))) urls.push(id);
    }
  }
  return urls.filter((u) => apUrl.safeParse(u).success);
}

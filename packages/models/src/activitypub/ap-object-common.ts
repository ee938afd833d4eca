import { z } from 'zod';

/** The ActivityStreams public collection; always sent in full (some PeerTube validators refuse `as:Public`). */
export const AS_PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
/** Short forms that mean the same when receiving. */
export const AS_PUBLIC_ALIASES: ReadonlySet<string> = new Set([AS_PUBLIC, 'as:Public', 'Public']);

/** An http(s) URL of 3–2000 characters (PeerTube's length bounds for remote URLs). */
export const apUrl = z
  .string()
  .min(3)
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), 'not an http(s) URL');

/** A date that `Date.parse` reads (ISO 8601 in practice). */
export const apDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date');

/** `to`/`cc`: one URL or a list; normalised to a list. Unknown junk entries are dropped, not fatal. */
export const apAudience = z
  .union([z.string(), z.array(z.unknown())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')));

/** A reference to another object: its URL, or an embedded object with an `id`. */
export const apRef = z.union([apUrl, z.looseObject({ id: apUrl })]).transform((v) => (typeof v === 'string' ? v : v.id));

export const isPublicAudience = (list: readonly string[]) => list.some((a) => AS_PUBLIC_ALIASES.has(a));

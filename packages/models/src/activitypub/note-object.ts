import { z } from 'zod';
import { apAudience, apDate, apRef, apUrl } from './ap-object-common';

/** A received comment `Note` (PeerTube's and Mastodon's shapes, spec §5.1). */
export const noteObjectSchema = z.looseObject({
  type: z.literal('Note'),
  id: apUrl,
  url: z.unknown().optional(),
  content: z.string().min(1),
  mediaType: z.string().optional(),
  inReplyTo: apUrl,
  attributedTo: z.union([
    apRef,
    z
      .array(apRef)
      .min(1)
      .transform((l) => l[0]),
  ]),
  published: apDate,
  updated: apDate.nullish(),
  to: z.array(z.unknown()).transform((l) => l.filter((x): x is string => typeof x === 'string')),
  cc: apAudience,
  tag: z.unknown().optional(),
});
export type NoteObjectIn = z.infer<typeof noteObjectSchema>;

export const tombstoneObjectSchema = z.looseObject({
  type: z.literal('Tombstone'),
  id: apUrl,
  formerType: z.string().optional(),
});

/** What we send for a comment. */
export interface ApNoteObject {
  type: 'Note';
  id: string;
  url: string;
  content: string;
  mediaType: 'text/markdown';
  inReplyTo: string;
  attributedTo: string;
  published: string;
  updated: string;
  tag: Array<{ type: 'Mention'; href: string; name: string }>;
  replyApproval: string | null;
  to: string[];
  cc: string[];
}

export interface ApTombstoneObject {
  type: 'Tombstone';
  formerType: 'Note';
  id: string;
  inReplyTo: string;
  published: string;
  updated: string;
  deleted: string;
}

import { z } from 'zod';
import { apUrl } from './ap-object-common';

/** A remote collection, read for its `totalItems` (follower counts) and its first page. */
export const apCollectionSchema = z.looseObject({
  type: z.enum(['Collection', 'OrderedCollection', 'CollectionPage', 'OrderedCollectionPage']),
  id: apUrl.optional(),
  totalItems: z.number().int().min(0).optional(),
  first: z.unknown().optional(),
  next: z.unknown().optional(),
  orderedItems: z.array(z.unknown()).optional(),
  items: z.array(z.unknown()).optional(),
});
export type ApCollection = z.infer<typeof apCollectionSchema>;

/** What our collections serve (§7). */
export interface ApOrderedCollection {
  '@context'?: unknown;
  id: string;
  type: 'OrderedCollection';
  totalItems: number;
  first?: string;
}
export interface ApOrderedCollectionPage {
  '@context'?: unknown;
  id: string;
  type: 'OrderedCollectionPage';
  partOf: string;
  totalItems: number;
  orderedItems: unknown[];
  prev?: string;
  next?: string;
}

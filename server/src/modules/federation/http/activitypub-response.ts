import type { Request, Response } from 'express';
import type { ApOrderedCollection, ApOrderedCollectionPage } from '@shoal/models';
import { withContext } from '../context';

const AP_TYPES = [
  'application/activity+json',
  'application/ld+json',
  'application/ld+json; profile="https://www.w3.org/ns/activitystreams"',
];

/** PeerTube's negotiation (§1.4): AP only when the best match is one of the AP types, so `*\/*` gets HTML/API. */
export function wantsActivityPub(req: Request): boolean {
  const best = req.accepts(['html', 'application/json', ...AP_TYPES]);
  return typeof best === 'string' && AP_TYPES.includes(best);
}

export function sendActivityPub(res: Response, body: object): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Content-Type', 'application/activity+json; charset=utf-8');
  res.setHeader('Vary', 'Accept');
  res.send(JSON.stringify(body));
}

/** PeerTube's page size for AP collections. */
export const COLLECTION_PAGE_SIZE = 10;

/**
 * A paged collection (§7): without `?page` the summary with `first` (omitted when empty);
 * with `?page=N` an OrderedCollectionPage with `next` while more items remain.
 */
export async function orderedCollection(
  req: Request,
  baseUrl: string,
  fetchPage: (start: number, count: number) => Promise<{ total: number; items: unknown[] }>,
): Promise<ApOrderedCollection | ApOrderedCollectionPage> {
  const pageParam = typeof req.query.page === 'string' ? Number.parseInt(req.query.page, 10) : NaN;
  if (!Number.isInteger(pageParam) || pageParam < 1) {
    const { total } = await fetchPage(0, 0);
    const summary: ApOrderedCollection = { id: baseUrl, type: 'OrderedCollection', totalItems: total };
    if (total > 0) summary.first = `${baseUrl}?page=1`;
    return withContext(summary);
  }
  const page = Math.min(pageParam, 100_000);
  const { total, items } = await fetchPage((page - 1) * COLLECTION_PAGE_SIZE, COLLECTION_PAGE_SIZE);
  const body: ApOrderedCollectionPage = {
    id: `${baseUrl}?page=${page}`,
    type: 'OrderedCollectionPage',
    partOf: baseUrl,
    totalItems: total,
    orderedItems: items,
  };
  if (page > 1) body.prev = `${baseUrl}?page=${page - 1}`;
  if (total > page * COLLECTION_PAGE_SIZE) body.next = `${baseUrl}?page=${page + 1}`;
  return withContext(body);
}

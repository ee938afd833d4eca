import { z } from 'zod';

/** Page size limits shared by every list endpoint. */
export const PAGINATION = { defaultCount: 15, maxCount: 100 } as const;

export interface ResultList<T> {
  total: number;
  data: T[];
}

/**
 * Builds the `start`/`count`/`sort` query schema of a list endpoint.
 * `sortable` is the whitelist of columns; a `-` prefix means descending.
 */
export function listQuerySchema<const C extends readonly [string, ...string[]]>(sortable: C, defaultSort: string) {
  const sorts = sortable.flatMap((c) => [c, `-${c}`]) as [string, ...string[]];
  return z.object({
    start: z.coerce.number().int().min(0).default(0),
    count: z.coerce.number().int().min(0).max(PAGINATION.maxCount).default(PAGINATION.defaultCount),
    sort: z.enum(sorts).default(defaultSort),
    search: z.string().max(500).optional(),
  });
}

/** Query booleans arrive as strings. */
export const queryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

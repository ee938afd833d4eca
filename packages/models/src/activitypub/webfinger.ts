import { z } from 'zod';

/** `acct:name@host` (the `acct:` prefix optional when we read handles typed by users). */
export const webfingerResource = z
  .string()
  .max(1000)
  .regex(/^acct:[^@\s]+@[^@\s]+$/, 'expected acct:name@host');

export const webfingerQuery = z.object({ resource: webfingerResource });

/** A WebFinger answer as we read it: a `self` link of an AP type is required. */
export const webfingerResponse = z.looseObject({
  subject: z.string().optional(),
  links: z.array(z.looseObject({ rel: z.string(), type: z.string().optional(), href: z.string().optional() })),
});
export type WebfingerResponse = z.infer<typeof webfingerResponse>;

import type { Request } from 'express';
import type { z } from 'zod';
import { ServerErrorCode, type InvalidParam } from '@shoal/models';
import { AppError } from '../errors';

type Location = InvalidParam['location'];

function parseWith<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const invalid: Record<string, InvalidParam> = {};
  for (const issue of result.error.issues) {
    const names =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.') || '(root)'];
    for (const name of names) {
      const msg = issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message;
      invalid[name] ??= { location, msg, param: name, value: valueAt(value, name) };
    }
  }
  throw new AppError(400, ServerErrorCode.VALIDATION_ERROR, `Incorrect request parameters: ${Object.keys(invalid).join(', ')}`, {
    invalidParams: invalid,
  });
}

function valueAt(root: unknown, dotted: string): unknown {
  let node = root as Record<string, unknown> | undefined;
  for (const key of dotted.split('.')) node = node?.[key] as Record<string, unknown> | undefined;
  // Never echo secrets back, even to their sender: they end up in client logs.
  return /password|secret|token/i.test(dotted) ? undefined : node;
}

/** Shape checks for a route's inputs; each throws a 400 problem listing every bad field. */
export const input = {
  body: <S extends z.ZodType>(schema: S, req: Request) => parseWith(schema, req.body, 'body'),
  query: <S extends z.ZodType>(schema: S, req: Request) => parseWith(schema, req.query, 'query'),
  params: <S extends z.ZodType>(schema: S, req: Request) => parseWith(schema, req.params, 'params'),
};

import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';
import { RUNNER_JOB_TYPES } from './runner-job.enums';

/** Tokens are opaque strings; PeerTube only checks their length. */
const token = z.string().min(1).max(1000);
/** `X.Y.Z` with an optional `-alpha.N` / `-beta.N` / `-rc.N`. */
const version = z.string().regex(/^\d+\.\d+\.\d+(-(alpha|beta|rc)\.\d+)?$/, 'Invalid version');

export const runnerRegisterSchema = z.object({
  registrationToken: token,
  name: z.string().min(1).max(100),
  description: z.string().min(1).max(1000).optional(),
  version: version.optional(),
});
export type RunnerRegister = z.infer<typeof runnerRegisterSchema>;

export const runnerTokenSchema = z.object({ runnerToken: token });

export const runnerJobRequestSchema = z.object({
  runnerToken: token,
  // Unknown types are ignored rather than refused: newer runners talk to older servers.
  jobTypes: z.array(z.string().max(100)).max(50).optional(),
  version: version.optional(),
});
export type RunnerJobRequest = z.infer<typeof runnerJobRequestSchema>;

export const runnerJobTokensSchema = z.object({ runnerToken: token, jobToken: token });

/** Multipart `update`: numbers arrive as strings; `payload` only for live jobs. */
export const runnerJobUpdateSchema = runnerJobTokensSchema.extend({
  progress: z.coerce.number().int().min(0).max(100).optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
});

export const runnerJobSuccessSchema = runnerJobTokensSchema.extend({
  payload: z.record(z.string(), z.unknown()).optional(),
});

export const runnerJobErrorSchema = runnerJobTokensSchema.extend({ message: z.string().min(1).max(5000) });
export const runnerJobAbortSchema = runnerJobTokensSchema.extend({ reason: z.string().min(1).max(5000) });

export const runnerJobUuidParamsSchema = z.object({ jobUUID: z.uuid() });

export const registrationTokenListQuerySchema = listQuerySchema(['createdAt'] as const, '-createdAt');
export const runnerListQuerySchema = listQuerySchema(['createdAt'] as const, '-createdAt');

const arrayOf = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const runnerJobListQuerySchema = listQuerySchema(
  ['updatedAt', 'createdAt', 'priority', 'state', 'progress'] as const,
  '-updatedAt',
).extend({
  stateOneOf: arrayOf(z.coerce.number().int().min(1).max(9)).optional(),
  typeOneOf: arrayOf(z.enum(RUNNER_JOB_TYPES)).optional(),
});
export type RunnerJobListQuery = z.infer<typeof runnerJobListQuerySchema>;

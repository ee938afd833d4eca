import type { ProblemDocument } from '@shoal/models';

/** A non-2xx answer of the API, with PeerTube's problem+json details when the server sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDocument> | null,
  ) {
    super(problem?.detail ?? problem?.error ?? `Request failed (${status})`);
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /** One message per invalid field, for forms. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [field, p] of Object.entries(this.problem?.['invalid-params'] ?? {})) out[field] = p.msg;
    return out;
  }
}

/** A readable message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}

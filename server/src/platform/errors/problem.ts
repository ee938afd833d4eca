import { STATUS_CODES } from 'node:http';
import { PROBLEM_TYPE_BASE, type InvalidParam, type ProblemDocument } from '@shoal/models';

/** Builds the problem+json body in PeerTube's shape. */
export function problemDocument(args: {
  status: number;
  detail: string;
  code?: string;
  instance?: string;
  invalidParams?: Record<string, InvalidParam>;
}): ProblemDocument {
  const doc: ProblemDocument = {
    type: args.code ? PROBLEM_TYPE_BASE + args.code : 'about:blank',
    title: STATUS_CODES[args.status] ?? 'Error',
    status: args.status,
    detail: args.detail,
    // Older PeerTube clients read `error`; harmless to newer ones.
    error: args.detail,
  };
  if (args.code) doc.code = args.code;
  if (args.instance) doc.instance = args.instance;
  if (args.invalidParams) doc['invalid-params'] = args.invalidParams;
  return doc;
}

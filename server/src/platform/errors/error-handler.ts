import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ServerErrorCode } from '@shoal/models';
import type { Logger } from '../logger';
import { AppError } from './app-error';
import { problemDocument } from './problem';

/** Maps errors raised by body parsers and multer to client errors instead of 500s. */
function fromLibraryError(err: unknown): AppError | undefined {
  const e = err as { type?: string; status?: number; statusCode?: number; code?: string; message?: string };
  if (e?.type === 'entity.parse.failed') return new AppError(400, ServerErrorCode.MALFORMED_BODY, 'The request body is not valid JSON');
  if (e?.type === 'entity.too.large') return new AppError(413, ServerErrorCode.MAX_FILE_SIZE_REACHED, 'The request body is too large');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new AppError(415, ServerErrorCode.UNSUPPORTED_MEDIA_TYPE, e.message ?? 'Unsupported encoding');
  }
  if (e?.code === 'LIMIT_FILE_SIZE') return new AppError(413, ServerErrorCode.MAX_FILE_SIZE_REACHED, 'The file is too large');
  if (typeof e?.code === 'string' && e.code.startsWith('LIMIT_'))
    return new AppError(400, ServerErrorCode.VALIDATION_ERROR, e.message ?? 'Bad upload');
  if (e?.message === 'Malformed part header' || e?.message === 'Unexpected end of form' || e?.message?.startsWith('Multipart:')) {
    return new AppError(400, ServerErrorCode.MALFORMED_BODY, `Malformed multipart body: ${e.message}`);
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError(status, undefined, e.message ?? 'Bad request');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromLibraryError(err);
    if (!known) {
      logger.error({ err, reqId: req.id, url: req.originalUrl }, 'unhandled error');
    }
    const appError = known ?? new AppError(500, ServerErrorCode.INTERNAL_ERROR, 'Internal server error');
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(appError.extra.headers ?? {})) res.setHeader(k, v);
    res
      .status(appError.status)
      .type('application/problem+json')
      .send(
        JSON.stringify(
          problemDocument({
            status: appError.status,
            detail: appError.message,
            code: appError.code,
            instance: appError.extra.invalidParams ? req.originalUrl.split('?')[0] : undefined,
            invalidParams: appError.extra.invalidParams,
          }),
        ),
      );
  };
}

/** PeerTube answers unknown API routes with an empty 400; we send a problem document instead. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, ServerErrorCode.NOT_FOUND, `No API route ${req.method} ${req.path}`));
};

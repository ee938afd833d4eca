import { ServerErrorCode, type InvalidParam } from '@shoal/models';

/**
 * An error a service throws on purpose; the HTTP layer turns it into problem+json.
 * Anything else that reaches the error handler is a bug and answers 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly extra: { invalidParams?: Record<string, InvalidParam>; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  static badRequest(message: string, code: string = ServerErrorCode.VALIDATION_ERROR) {
    return new AppError(400, code, message);
  }
  static unauthorized(message = 'Authentication is required', code: string = ServerErrorCode.UNAUTHORIZED) {
    return new AppError(401, code, message);
  }
  static forbidden(message = 'You are not allowed to do this', code: string = ServerErrorCode.FORBIDDEN) {
    return new AppError(403, code, message);
  }
  static notFound(what: string) {
    return new AppError(404, ServerErrorCode.NOT_FOUND, `${what} not found`);
  }
  static conflict(message: string) {
    return new AppError(409, ServerErrorCode.CONFLICT, message);
  }
}

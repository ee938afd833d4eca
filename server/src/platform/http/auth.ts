import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { roleHasRight, ServerErrorCode, type UserRight, type UserRole } from '@shoal/models';
import { AppError } from '../errors';

/** What a valid bearer token resolves to. */
export interface AuthUser {
  id: number;
  username: string;
  role: UserRole;
  accountId: number;
  tokenId: number;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthUser;
  }
}

export type TokenResolver = (accessToken: string) => Promise<AuthUser | null>;

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1] : '';
}

/**
 * Reads the bearer token when one is sent. A token that is sent but invalid is a 401
 * even on endpoints that allow anonymous access (PeerTube's "opt" behaviour).
 */
export function readAuth(resolve: TokenResolver): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const token = bearer(req);
    if (token === undefined) return next();
    if (!token) return next(AppError.unauthorized('Malformed Authorization header', ServerErrorCode.INVALID_TOKEN));
    resolve(token).then((user) => {
      if (!user) return next(AppError.unauthorized('Invalid token: access token is invalid or expired', ServerErrorCode.INVALID_TOKEN));
      req.auth = user;
      next();
    }, next);
  };
}

/** The logged-in user, or a 401. */
export function requireUser(req: Request): AuthUser {
  if (!req.auth) throw AppError.unauthorized();
  return req.auth;
}

/** The logged-in user holding `right`, or 401/403. */
export function requireRight(req: Request, right: UserRight): AuthUser {
  const user = requireUser(req);
  if (!roleHasRight(user.role, right)) throw AppError.forbidden('You do not have the right to do this');
  return user;
}

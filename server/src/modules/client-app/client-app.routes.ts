import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { ServerErrorCode } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { ClientIndex } from './client-index';

/** client/dist, from server/dist/modules/client-app (or server/src/… under tsx). */
export const DEFAULT_CLIENT_DIST = resolve(__dirname, '../../../../client/dist');

/** Paths owned by the server: never answered with the client page, even when they 404. */
const SERVER_PREFIXES =
  /^\/(?:api|static|lazy-static|download|object-storage-proxy|tracker|socket\.io|feeds|\.well-known|plugins|themes)(?:\/|$)/;
/** A missing asset must be a 404, not the page (a stale tab would otherwise parse HTML as JS). */
const ASSET_EXTENSION = /\.(?:m?js|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|txt|json|xml|webmanifest)$/i;
/** The builder names bundles `name-HASH.ext` with an 8+ character upper-case hash. */
const HASHED_FILE = /-[A-Z0-9]{8,}\.(?:m?js|css)$/;

const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** PeerTube's max-age for client assets whose name does not change with their content. */
const ASSET_CACHE = 'public, max-age=2592000';

export interface ClientAppOptions {
  distDir?: string;
}

/**
 * Serves the Angular build: hashed bundles with a year-long cache, other files with 30 days,
 * and index.html (never cached) for every page of PeerTube's URL scheme. Mounted after the
 * API and media routers, so it only sees what they did not answer.
 */
export function clientAppRoutes(ctx: Pick<AppContext, 'logger'>, opts: ClientAppOptions = {}): Router {
  const distDir = opts.distDir ?? DEFAULT_CLIENT_DIST;
  const index = new ClientIndex(join(distDir, 'index.html'));
  if (!existsSync(join(distDir, 'index.html'))) {
    ctx.logger.warn({ distDir }, 'web client not built (npm run build:client): pages will answer 404');
  }

  const router = Router();
  router.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlOf(basename(path))),
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (!isPageRequest(req)) return next();
    const html = index.read();
    if (html === null) throw new AppError(404, ServerErrorCode.NOT_FOUND, 'The web client is not built on this server');
    sendPage(req, res, html);
  });
  return router;
}

function cacheControlOf(file: string): string {
  if (file === 'index.html') return 'no-cache';
  return HASHED_FILE.test(file) ? IMMUTABLE_CACHE : ASSET_CACHE;
}

function isPageRequest(req: Request): boolean {
  if (SERVER_PREFIXES.test(req.path) || ASSET_EXTENSION.test(req.path)) return false;
  // Browsers navigating name text/html explicitly; tools sending */* (or JSON) get the 404 problem instead.
  return /\btext\/html\b/i.test(req.get('accept') ?? '');
}

function sendPage(req: Request, res: Response, html: string): void {
  res.setHeader('Cache-Control', 'no-cache');
  // Embeds are meant to be framed by other sites; every other page keeps helmet's frame protection.
  if (req.path.startsWith('/videos/embed/')) res.removeHeader('X-Frame-Options');
  res.type('html').send(html);
}

import cors from 'cors';
import express, { Router } from 'express';
import type { AppContext } from '../../platform/context';
import { ACTOR_IMAGE_PATH } from './actor.serializer';

/**
 * Serves local avatar and banner files. Every upload gets fresh random names and a file is
 * never rewritten in place, so browsers and remote instances may cache them for good.
 */
export function actorImageStaticRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(
    ACTOR_IMAGE_PATH.replace(/\/$/, ''),
    cors({ origin: '*' }),
    express.static(ctx.dirs.avatars, { maxAge: '365d', immutable: true, index: false, redirect: false, dotfiles: 'ignore' }),
    // Files are not problem documents: a missing one is a bare 404, like PeerTube's static routes.
    (_req, res) => {
      res.status(404).end();
    },
  );
  return router;
}

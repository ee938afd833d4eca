import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';

/**
 * The client IP of an upgrade request, resolved with the app's `trust proxy` setting exactly
 * as Express computes `req.ip` (upgrades never reach Express itself): a view of the raw
 * request that inherits Express's request prototype of this app.
 */
export function trackerClientIp(app: Express): (req: IncomingMessage) => string {
  return (req) => {
    const view = Object.create(app.request, {
      headers: { value: req.headers },
      socket: { value: req.socket },
      connection: { value: req.socket },
    }) as { ip?: string };
    return view.ip ?? req.socket.remoteAddress ?? '';
  };
}

import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { firstSegments, skipUnmatchedRouters } from './skip-unmatched-routers';

const segmentsOf = (router: Router) => firstSegments((router as unknown as { stack: never[] }).stack);

describe('skipUnmatchedRouters', () => {
  it('indexes routers whose paths all start with a literal segment, and only those', () => {
    const literal = Router();
    literal.get('/video-channels', () => undefined);
    literal.post('/Video-Channels/:handle/avatar', () => undefined);
    literal.get('/accounts/:name/video-channels', () => undefined);
    assert.deepEqual([...segmentsOf(literal)!].sort(), ['accounts', 'video-channels']);

    const withMiddleware = Router();
    withMiddleware.use((_req, _res, next) => next());
    withMiddleware.get('/a', () => undefined);
    assert.equal(segmentsOf(withMiddleware), null);

    const withParam = Router();
    withParam.get('/:id', () => undefined);
    assert.equal(segmentsOf(withParam), null);

    // A module made of sub-routers answers the union of theirs.
    const parent = Router();
    parent.use(literal);
    const other = Router();
    other.delete('/abuses/:id', () => undefined);
    parent.use(other);
    assert.deepEqual([...segmentsOf(parent)!].sort(), ['abuses', 'accounts', 'video-channels']);
    parent.use(withParam);
    assert.equal(segmentsOf(parent), null);

    const withOptional = Router();
    withOptional.get('/videos{/:id}', () => undefined);
    assert.equal(segmentsOf(withOptional), null);
  });

  it('answers exactly as before: same routes, same order, 404 for the rest', async () => {
    const seen: string[] = [];
    const api = Router();
    const first = Router();
    first.get('/things', (_req, res) => res.json('first'));
    const logger = (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      seen.push(req.url);
      next();
    };
    const second = Router();
    second.get('/things/:id', (req, res) => res.json(`second ${req.params.id}`));
    second.get('/other', (_req, res) => res.json('other'));
    const catchAll = Router();
    catchAll.use((_req, res) => res.status(404).json('none'));
    api.use(first);
    api.use(logger);
    api.use(second);
    api.use(catchAll);
    skipUnmatchedRouters(api);
    const app = express();
    app.use('/api/v1', api);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      return [res.status, await res.json()];
    };
    try {
      assert.deepEqual(await get('/things'), [200, 'first']);
      assert.deepEqual(await get('/THINGS/7?x=1'), [200, 'second 7']);
      assert.deepEqual(await get('/other/'), [200, 'other']);
      assert.deepEqual(await get('/nothing'), [404, 'none']);
      // Plain middlewares still see every request.
      assert.deepEqual(seen, ['/THINGS/7?x=1', '/other/', '/nothing']);
    } finally {
      server.close();
    }
  });
});

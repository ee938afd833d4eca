import { Router, type Request } from 'express';
import { z } from 'zod';
import { commentAutoTagPoliciesSchema, UserRight, watchedWordsListQuerySchema, watchedWordsListSchema } from '@shoal/models';
import { input, requireRight, requireUser } from '../../platform/http';
import { serializeWatchedWordsList, type WatchedWordsService } from './watched-words.service';

const accountParams = z.object({ accountName: z.string().min(1).max(300) });
const listIdParams = z.object({
  listId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** Watched-words lists and automatic-tag endpoints (PeerTube v6.2 API). */
export function watchedWordsRoutes(words: WatchedWordsService): Router {
  const router = Router();
  const own = (req: Request) => words.ownAccount(requireUser(req), input.params(accountParams, req).accountName);
  const instance = (req: Request, right: UserRight) => {
    requireRight(req, right);
    return null;
  };
  // The same four routes for an account's lists and for the instance's.
  const scopes: Array<[string, (req: Request) => Promise<number | null> | null]> = [
    ['/watched-words/accounts/:accountName/lists', own],
    ['/watched-words/server/lists', (req) => instance(req, UserRight.MANAGE_INSTANCE_WATCHED_WORDS)],
  ];
  for (const [path, scopeOf] of scopes) {
    router.get(path, async (req, res) => {
      const scope = await scopeOf(req);
      const { rows, count } = await words.list(scope, input.query(watchedWordsListQuerySchema, req));
      res.json({ total: count, data: rows.map(serializeWatchedWordsList) });
    });
    router.post(path, async (req, res) => {
      const scope = await scopeOf(req);
      const id = await words.create(scope, input.body(watchedWordsListSchema, req));
      res.json({ watchedWordsList: { id } });
    });
    router.put(`${path}/:listId`, async (req, res) => {
      const scope = await scopeOf(req);
      await words.update(scope, input.params(listIdParams, req).listId, input.body(watchedWordsListSchema, req));
      res.status(204).end();
    });
    router.delete(`${path}/:listId`, async (req, res) => {
      const scope = await scopeOf(req);
      await words.remove(scope, input.params(listIdParams, req).listId);
      res.status(204).end();
    });
  }

  router.get('/automatic-tags/accounts/:accountName/available', async (req, res) => {
    res.json(await words.available(await own(req)));
  });
  router.get('/automatic-tags/server/available', async (req, res) => {
    res.json(await words.available(instance(req, UserRight.MANAGE_INSTANCE_AUTO_TAGS)));
  });
  router.get('/automatic-tags/policies/accounts/:accountName/comments', async (req, res) => {
    res.json({ review: await words.reviewPolicy(await own(req)) });
  });
  router.put('/automatic-tags/policies/accounts/:accountName/comments', async (req, res) => {
    const accountId = await own(req);
    await words.setReviewPolicy(accountId, input.body(commentAutoTagPoliciesSchema, req).review);
    res.status(204).end();
  });

  return router;
}

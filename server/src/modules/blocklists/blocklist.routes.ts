import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  blockAccountSchema,
  blocklistQuerySchema,
  blocklistStatusQuerySchema,
  blockServerSchema,
  hostSchema,
  UserRight,
} from '@shoal/models';
import { input, requireRight, requireUser } from '../../platform/http';
import type { Blocker, BlocklistService } from './blocklist.service';

const accountParams = z.object({ accountName: z.string().min(1).max(300) });
const hostParams = z.object({ host: hostSchema });

/** The caller's mute lists and the instance's block lists share one set of handlers. */
export function blocklistRoutes(blocklists: BlocklistService): Router {
  const router = Router();
  type Actor = { by: Blocker; me: number };
  const mine = (req: Request): Actor => {
    const me = requireUser(req);
    return { by: me.accountId, me: me.accountId };
  };
  const instance =
    (right: UserRight) =>
    (req: Request): Actor => ({ by: null, me: requireRight(req, right).accountId });
  const scopes: Array<[string, (req: Request) => Actor, (req: Request) => Actor]> = [
    ['/users/me/blocklist', mine, mine],
    ['/server/blocklist', instance(UserRight.MANAGE_SERVER_ACCOUNTS_BLOCKLIST), instance(UserRight.MANAGE_SERVER_SERVERS_BLOCKLIST)],
  ];
  for (const [base, accountsActor, serversActor] of scopes) {
    router.get(`${base}/accounts`, async (req, res) => {
      res.json(await blocklists.listAccounts(accountsActor(req).by, input.query(blocklistQuerySchema, req)));
    });
    router.post(`${base}/accounts`, async (req, res) => {
      const { by, me } = accountsActor(req);
      await blocklists.blockAccount(by, me, input.body(blockAccountSchema, req).accountName);
      res.status(204).end();
    });
    router.delete(`${base}/accounts/:accountName`, async (req, res) => {
      const { by } = accountsActor(req);
      await blocklists.unblockAccount(by, input.params(accountParams, req).accountName);
      res.status(204).end();
    });
    router.get(`${base}/servers`, async (req, res) => {
      res.json(await blocklists.listServers(serversActor(req).by, input.query(blocklistQuerySchema, req)));
    });
    router.post(`${base}/servers`, async (req, res) => {
      const { by } = serversActor(req);
      await blocklists.blockServer(by, input.body(blockServerSchema, req).host);
      res.status(204).end();
    });
    router.delete(`${base}/servers/:host`, async (req, res) => {
      const { by } = serversActor(req);
      await blocklists.unblockServer(by, input.params(hostParams, req).host);
      res.status(204).end();
    });
  }

  router.get('/blocklist/status', async (req, res) => {
    const q = input.query(blocklistStatusQuerySchema, req);
    res.json(await blocklists.status(q.accounts ?? [], q.hosts ?? [], req.auth?.accountId));
  });

  return router;
}

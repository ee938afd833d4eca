import { Router } from 'express';
import { z } from 'zod';
import { listQuerySchema } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { input } from '../../platform/http';
import { accountRepository } from './account.repository';
import { serializeAccount } from './account.serializer';

const nameParams = z.object({ name: z.string().min(1).max(300) });
const listQuery = listQuerySchema(['createdAt'], '-createdAt');

export function accountRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/accounts', async (req, res) => {
    const q = input.query(listQuery, req);
    const { rows, count } = await accountRepository.list({
      start: q.start,
      count: q.count,
      order: ['createdAt', q.sort.startsWith('-') ? 'DESC' : 'ASC'],
    });
    res.json({ total: count, data: rows.map((a) => serializeAccount(ctx, a)) });
  });

  router.get('/accounts/:name', async (req, res) => {
    const { name } = input.params(nameParams, req);
    const account = await accountRepository.findByHandle(name, ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    // Federation refreshes a stale remote account in the background; the answer does not wait.
    if (account.actor?.host) void ctx.events.emit('remote-actor-read', { actorId: account.actorId });
    res.json(serializeAccount(ctx, account));
  });

  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import { JOB_NAMES, JOB_STATES, listQuerySchema, UserRight } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { input, requireRight } from '../../platform/http';

const stateParams = z.object({ state: z.enum([...JOB_STATES]) });
const listQuery = listQuerySchema(['createdAt'], '-createdAt').extend({ jobType: z.enum(JOB_NAMES as [string, ...string[]]).optional() });

/** `GET /jobs/:state`: what the background queues hold, for administrators. */
export function jobsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/jobs/:state', async (req, res) => {
    requireRight(req, UserRight.MANAGE_JOBS);
    const { state } = input.params(stateParams, req);
    const q = input.query(listQuery, req);
    res.json(await ctx.queue.list(state, { start: q.start, count: q.count, jobType: q.jobType as never, asc: !q.sort.startsWith('-') }));
  });
  return router;
}

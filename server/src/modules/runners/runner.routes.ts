import { Router } from 'express';
import { z } from 'zod';
import {
  registrationTokenListQuerySchema,
  runnerJobAbortSchema,
  runnerJobErrorSchema,
  runnerJobListQuerySchema,
  runnerJobRequestSchema,
  runnerJobUuidParamsSchema,
  runnerListQuerySchema,
  runnerRegisterSchema,
  runnerTokenSchema,
  UserRight,
} from '@shoal/models';
import { input, requireRight } from '../../platform/http';
import type { RunnerJobService } from './runner-job.service';
import type { RunnerService } from './runner.service';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Registration, admin management and the JSON job calls of `/api/v1/runners`. */
export function runnerRoutes(runners: RunnerService, jobs: RunnerJobService): Router {
  const router = Router();
  const admin = (req: Parameters<typeof requireRight>[0]) => requireRight(req, UserRight.MANAGE_RUNNERS);

  router.post('/runners/registration-tokens/generate', async (req, res) => {
    admin(req);
    await runners.generateRegistrationToken();
    res.status(204).end();
  });
  router.get('/runners/registration-tokens', async (req, res) => {
    admin(req);
    res.json(await runners.listRegistrationTokens(input.query(registrationTokenListQuerySchema, req)));
  });
  router.delete('/runners/registration-tokens/:id', async (req, res) => {
    admin(req);
    await runners.deleteRegistrationToken(input.params(idParams, req).id);
    res.status(204).end();
  });

  router.post('/runners/register', async (req, res) => {
    res.json(await runners.register(input.body(runnerRegisterSchema, req), req.ip ?? null));
  });
  router.post('/runners/unregister', async (req, res) => {
    await runners.unregister(input.body(runnerTokenSchema, req).runnerToken);
    res.status(204).end();
  });

  router.post('/runners/jobs/request', async (req, res) => {
    const body = input.body(runnerJobRequestSchema, req);
    res.json({ availableJobs: await jobs.request(body.runnerToken, body.jobTypes, req.ip ?? null, body.version) });
  });
  router.post('/runners/jobs/:jobUUID/accept', async (req, res) => {
    const { jobUUID } = input.params(runnerJobUuidParamsSchema, req);
    const { runnerToken } = input.body(runnerTokenSchema, req);
    res.json({ job: await jobs.accept(jobUUID, runnerToken, req.ip ?? null) });
  });
  router.post('/runners/jobs/:jobUUID/error', async (req, res) => {
    await jobs.error(input.params(runnerJobUuidParamsSchema, req).jobUUID, input.body(runnerJobErrorSchema, req));
    res.status(204).end();
  });
  router.post('/runners/jobs/:jobUUID/abort', async (req, res) => {
    await jobs.abort(input.params(runnerJobUuidParamsSchema, req).jobUUID, input.body(runnerJobAbortSchema, req));
    res.status(204).end();
  });

  router.get('/runners/jobs', async (req, res) => {
    admin(req);
    res.json(await jobs.list(input.query(runnerJobListQuerySchema, req)));
  });
  router.post('/runners/jobs/:jobUUID/cancel', async (req, res) => {
    admin(req);
    await jobs.cancel(input.params(runnerJobUuidParamsSchema, req).jobUUID);
    res.status(204).end();
  });
  router.delete('/runners/jobs/:jobUUID', async (req, res) => {
    admin(req);
    await jobs.remove(input.params(runnerJobUuidParamsSchema, req).jobUUID);
    res.status(204).end();
  });

  router.get('/runners', async (req, res) => {
    admin(req);
    res.json(await runners.list(input.query(runnerListQuerySchema, req)));
  });
  router.delete('/runners/:id', async (req, res) => {
    admin(req);
    await runners.remove(input.params(idParams, req).id);
    res.status(204).end();
  });

  return router;
}

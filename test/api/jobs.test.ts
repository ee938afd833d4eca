import assert from 'node:assert/strict';
import { UserRole, type JobView, type ResultList } from '@shoal/models';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { assertInvalid, createUser, RELAXED_LIMITS, type TestUser } from './api-fixtures';

describe('Background jobs (/jobs/:state)', () => {
  let server: TestServer;
  let moderator: TestUser;
  let plain: TestUser;

  before(async () => {
    server = await new TestServer({ configYaml: RELAXED_LIMITS }).start();
    [moderator, plain] = await Promise.all([createUser(server, UserRole.MODERATOR), createUser(server)]);
  });
  after(() => server.destroy());

  it('lists jobs of a state for administrators', async () => {
    for (const state of ['waiting', 'active', 'completed', 'failed', 'delayed']) {
      const list = await server.admin.expect<ResultList<JobView>>(200, 'GET', `/api/v1/jobs/${state}`);
      assert.equal(typeof list.total, 'number');
      assert.ok(Array.isArray(list.data));
      assert.ok(list.data.every((j) => j.state === state && typeof j.type === 'string' && typeof j.createdAt === 'string'));
    }
  });

  it('filters by job type and paginates', async () => {
    const list = await server.admin.expect<ResultList<JobView>>(200, 'GET', '/api/v1/jobs/waiting', {
      query: { jobType: 'cleanup-expired-tokens', start: 0, count: 5, sort: 'createdAt' },
    });
    assert.ok(list.data.every((j) => j.type === 'cleanup-expired-tokens'));
  });

  it('refuses an unknown state, job type or pagination', async () => {
    assertInvalid(await server.admin.api('GET', '/jobs/sleeping'), 'state');
    assertInvalid(await server.admin.api('GET', '/jobs/waiting', { query: { jobType: 'mine-bitcoin' } }), 'jobType');
    assertInvalid(await server.admin.api('GET', '/jobs/waiting', { query: { count: 101 } }), 'count');
    assertInvalid(await server.admin.api('GET', '/jobs/waiting', { query: { sort: 'priority' } }), 'sort');
  });

  it('is for administrators only', async () => {
    assertProblem(await server.anonymous().api('GET', '/jobs/waiting'), 401);
    assertProblem(await plain.client.api('GET', '/jobs/waiting'), 403, 'forbidden');
    assertProblem(await moderator.client.api('GET', '/jobs/waiting'), 403, 'forbidden');
  });
});

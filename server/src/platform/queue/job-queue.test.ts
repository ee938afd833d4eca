import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { JOB_NAMES } from '@shoal/models';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { JobQueue } from './job-queue';

describe('job registry', () => {
  const config = loadConfig({ configDir: resolve(__dirname, '../../../../config'), env: { PT_REDIS_PREFIX: `jobtest-${process.pid}` } });
  const queue = new JobQueue(config, createLogger('silent'));
  after(() => queue.close(1000));

  it('refuses to start when a job type has no handler', () => {
    assert.throws(() => queue.assertComplete(), new RegExp(`job types without a handler: ${JOB_NAMES[0]}`));
  });

  it('refuses a payload that does not match its schema', async () => {
    await assert.rejects(queue.add('transcode-video', { videoId: -1 } as never));
  });
});

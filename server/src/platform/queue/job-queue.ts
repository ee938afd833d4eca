import { Queue, WaitingError, Worker, type Job, type JobsOptions } from 'bullmq';
import { JOB_NAMES, jobCatalog, type JobName, type JobPayload, type JobState, type JobView } from '@shoal/models';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { redisOptions } from '../redis';
import type { JobDefinition } from './job-definition';

type AnyDefinition = JobDefinition<JobName>;

/**
 * One BullMQ queue per job type, so each type has its own concurrency.
 * Enqueueing validates payloads; workers parse them again before running.
 */
export class JobQueue {
  private readonly queues = new Map<JobName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<JobName, AnyDefinition>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    for (const name of JOB_NAMES) {
      this.queues.set(name, new Queue(name, { connection: redisOptions(config), prefix: this.prefix() }));
    }
  }

  private prefix(): string {
    return `${this.config.redis.prefix}:bull`;
  }

  register<K extends JobName>(def: JobDefinition<K>): void {
    this.handlers.set(def.name, def as unknown as AnyDefinition);
  }

  /** Throws when a catalogued job type has no handler: a job nobody runs would hang forever. */
  assertComplete(): void {
    const missing = JOB_NAMES.filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`job types without a handler: ${missing.join(', ')}`);
  }

  async add<K extends JobName>(name: K, payload: JobPayload<K>, opts: JobsOptions = {}): Promise<string> {
    const data = jobCatalog[name].parse(payload);
    const def = this.handlers.get(name);
    const job = await this.queue(name).add(name, data, {
      attempts: def?.attempts ?? 5,
      backoff: { type: 'exponential', delay: def?.backoffMs ?? 1000 },
      removeOnComplete: { age: 7 * 86400, count: 1000 },
      removeOnFail: { age: 30 * 86400 },
      ...opts,
    });
    return job.id!;
  }

  /** Starts one worker per job type. */
  startWorkers(): void {
    this.assertComplete();
    for (const def of this.handlers.values()) {
      const worker = new Worker(def.name, (job, token) => this.run(def, job, token), {
        connection: redisOptions(this.config),
        prefix: this.prefix(),
        concurrency: def.concurrency ?? 1,
        lockDuration: def.lockDurationMs ?? 60_000,
        stalledInterval: def.stalledIntervalMs ?? 30_000,
        // A job whose process died is picked up again after its lock expires.
        maxStalledCount: 3,
      });
      worker.on('failed', (job, err) => this.logger.warn({ job: job?.name, jobId: job?.id, err: err.message }, 'job failed'));
      worker.on('error', (err) => this.logger.error({ err }, 'job worker error'));
      this.workers.push(worker);
    }
  }

  private async run(def: AnyDefinition, job: Job, token: string | undefined): Promise<void> {
    const payload = jobCatalog[def.name].parse(job.data) as never;
    try {
      await def.handler(payload, {
        jobId: job.id!,
        attempt: job.attemptsMade + 1,
        updateProgress: (p) => job.updateProgress(p),
        signal: this.shutdown.signal,
      });
    } catch (err) {
      // Stopped by the shutdown, not failed: back to the queue without spending an attempt,
      // so that the next start runs it at once (a failure would wait for its backoff).
      if (this.shutdown.signal.aborted && token) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      throw err;
    }
  }

  queue(name: JobName): Queue {
    return this.queues.get(name)!;
  }

  /** Admin listing across every job type. */
  async list(
    state: JobState,
    opts: { start: number; count: number; jobType?: JobName; asc: boolean },
  ): Promise<{ total: number; data: JobView[] }> {
    const names = opts.jobType ? [opts.jobType] : JOB_NAMES;
    const all: Job[] = [];
    let total = 0;
    for (const name of names) {
      const q = this.queue(name);
      total += (await q.getJobCounts(state))[state] ?? 0;
      all.push(...(await q.getJobs([state], 0, opts.start + opts.count - 1, opts.asc)));
    }
    all.sort((a, b) => (opts.asc ? a.timestamp - b.timestamp : b.timestamp - a.timestamp));
    const page = all.slice(opts.start, opts.start + opts.count);
    return { total, data: page.map((j) => toView(j, state)) };
  }

  /** Lets running jobs finish for up to `timeoutMs`, then stops; unfinished jobs are retried later. */
  async close(timeoutMs: number): Promise<void> {
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
    if ((await Promise.race([graceful, timer])) === 'timeout') {
      this.shutdown.abort();
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

function toView(job: Job, state: JobState): JobView {
  const iso = (t?: number) => (t ? new Date(t).toISOString() : null);
  return {
    id: job.id!,
    state,
    type: job.name,
    data: job.data,
    priority: job.opts.priority ?? 0,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    error: job.failedReason ?? null,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedOn: iso(job.finishedOn),
    processedOn: iso(job.processedOn),
  };
}

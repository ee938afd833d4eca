import { rm, watch } from 'node:fs/promises';
import { RunnerApiError, RunnerClient } from '@shoal/api-client';
import { ServerErrorCode } from '@shoal/models';
import { io, type Socket } from 'socket.io-client';
import { loadConfig, saveConfig, type RegisteredInstance, type RunnerConfig } from './config';
import { startJob, type RunningJob } from './job-runner';
import { SUPPORTED_JOB_TYPES } from './jobs/vod-jobs';
import type { Log } from './logger';
import { progressLines, type JobProgress, type StatusLines } from './progress-display';
import { RUNNER_VERSION } from './version';

interface Connection {
  instance: RegisteredInstance;
  client: RunnerClient;
  socket: Socket;
}

const key = (i: RegisteredInstance) => `${i.url} ${i.runnerToken}`;

/** `shoal-runner server`: one socket per registered server, N jobs at once across all of them. */
export class RunnerDaemon {
  private config!: RunnerConfig;
  private readonly connections = new Map<string, Connection>();
  private readonly running = new Map<string, RunningJob>();
  private checking = false;
  private checkAgain = false;
  private stopping = false;
  private poll: NodeJS.Timeout | null = null;
  private readonly watcher = new AbortController();

  private statusTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly paths: { configFile: string; workDir: string },
    private readonly log: Log,
    /** On a terminal: live progress lines under the log. */
    private readonly status: StatusLines | null = null,
  ) {}

  async start(): Promise<void> {
    // What a killed runner left behind: no job of this process can be using it.
    await rm(this.paths.workDir, { recursive: true, force: true });
    await this.reload();
    if (this.config.jobs.pollInterval > 0) this.poll = setInterval(() => void this.checkJobs(), this.config.jobs.pollInterval * 1000);
    void this.watchConfig();
    if (this.status) {
      this.statusTimer = setInterval(() => this.status?.show(progressLines([...this.running.values()].map(toProgress), Date.now())), 1000);
      this.statusTimer.unref();
    }
    this.log.info('shoal-runner started', {
      servers: this.connections.size,
      concurrency: this.config.jobs.concurrency,
      encoder: this.config.ffmpeg.encoder,
    });
  }

  /** `register` / `unregister` rewrite the config file; the running daemon follows it. */
  private async watchConfig(): Promise<void> {
    try {
      for await (const _ of watch(this.paths.configFile, { signal: this.watcher.signal }))
        await this.reload().catch((e: Error) => this.log.warn('config reload failed', { err: e.message }));
    } catch {
      // Aborted at shutdown, or the file was replaced: the rename of saveConfig ends a watch.
      if (!this.stopping) setTimeout(() => void this.watchConfig(), 500);
    }
  }

  private async reload(): Promise<void> {
    this.config = await loadConfig(this.paths.configFile);
    const wanted = new Map(this.config.registeredInstances.map((i) => [key(i), i]));
    for (const [k, c] of this.connections) {
      if (wanted.has(k)) continue;
      c.socket.close();
      this.connections.delete(k);
    }
    for (const [k, instance] of wanted) if (!this.connections.has(k)) this.connect(k, instance);
  }

  private connect(k: string, instance: RegisteredInstance): void {
    // Websocket first, long-polling when a proxy refuses the upgrade; socket.io reconnects forever.
    const socket = io(`${instance.url}/runners`, {
      auth: { runnerToken: instance.runnerToken },
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 10_000,
    });
    socket.on('connect', () => {
      this.log.info('connected', { server: instance.url });
      void this.checkJobs();
    });
    socket.on('available-jobs', () => void this.checkJobs());
    socket.on('connect_error', (err: Error) => this.log.debug('socket connection failed', { server: instance.url, err: err.message }));
    this.connections.set(k, { instance, client: new RunnerClient(instance.url), socket });
  }

  /** Never re-entrant: a call during a check makes the running check go round once more. */
  async checkJobs(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.checkAgain = false;
        for (const c of [...this.connections.values()].sort(() => Math.random() - 0.5)) {
          while (!this.stopping && this.running.size < this.config.jobs.concurrency && (await this.takeOne(c)));
        }
      } while (this.checkAgain && !this.stopping);
    } finally {
      this.checking = false;
    }
  }

  /** Requests the server's jobs and accepts the first one still free; false when none. */
  private async takeOne(c: Connection): Promise<boolean> {
    try {
      const jobs = await c.client.request(c.instance.runnerToken, SUPPORTED_JOB_TYPES, RUNNER_VERSION);
      for (const available of jobs) {
        if (this.running.has(available.uuid)) continue;
        try {
          const job = await c.client.accept(available.uuid, c.instance.runnerToken);
          const running = startJob(this.config, this.paths.workDir, c.client, c.instance.runnerToken, job, this.log, this.status !== null);
          this.running.set(job.uuid, running);
          void running.done.finally(() => {
            this.running.delete(job.uuid);
            if (!this.stopping) void this.checkJobs();
          });
          return true;
        } catch (err) {
          // Another runner was faster (409) or the job moved on (400): try the next one.
          if (err instanceof RunnerApiError && err.status < 500 && err.code !== ServerErrorCode.UNKNOWN_RUNNER_TOKEN) continue;
          throw err;
        }
      }
      return false;
    } catch (err) {
      if (err instanceof RunnerApiError && err.code === ServerErrorCode.UNKNOWN_RUNNER_TOKEN) await this.forget(c);
      else this.log.warn('job request failed', { server: c.instance.url, err: (err as Error).message });
      return false;
    }
  }

  /** The server deleted this runner: drop the registration, as PeerTube's runner does. */
  private async forget(c: Connection): Promise<void> {
    this.log.warn('the server does not know this runner any more; forgetting it', { server: c.instance.url });
    this.config.registeredInstances = this.config.registeredInstances.filter((i) => key(i) !== key(c.instance));
    await saveConfig(this.paths.configFile, this.config);
    await this.reload();
  }

  /** SIGINT/SIGTERM: stop taking jobs; abort running ones (or let them finish within the timeout). */
  async shutdown(signal: string): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.status?.clear();
    this.log.info('stopping', { signal, running: this.running.size, mode: this.config.shutdown.mode });
    if (this.poll) clearInterval(this.poll);
    this.watcher.abort();
    const jobs = [...this.running.values()];
    if (this.config.shutdown.mode === 'finish') {
      const timeout = new Promise((r) => setTimeout(r, this.config.shutdown.timeout * 1000).unref());
      await Promise.race([Promise.all(jobs.map((j) => j.done)), timeout]);
    }
    await Promise.all(
      [...this.running.values()].map(async (j) => {
        j.controller.abort(new Error('Runner stopped'));
        await j.client.abort(j.job.uuid, j.tokens, 'Runner stopped').catch(() => undefined);
        await j.done;
      }),
    );
    for (const c of this.connections.values()) c.socket.close();
  }
}

function toProgress(r: RunningJob): JobProgress {
  return { uuid: r.job.uuid, type: r.job.type, progress: r.progress, startedAt: r.startedAt };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';

const BIN = join(REPO_ROOT, 'packages/runner/dist/main.js');

/** A real `shoal-runner` child process with its own XDG folders. */
export class RunnerProcess {
  readonly home = mkdtempSync(join(tmpdir(), 'shoal-runner-test-'));
  process?: ChildProcess;
  output = '';

  constructor(readonly id = 'default') {}

  private env() {
    return { ...process.env, XDG_CONFIG_HOME: join(this.home, 'config'), XDG_CACHE_HOME: join(this.home, 'cache') };
  }

  /** Short keep-alive and poll periods so stall tests stay fast. */
  writeConfig(opts: { preset?: string; threads?: number; nice?: number; extra?: string } = {}): void {
    const dir = join(this.home, 'config', 'shoal-runner', this.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'config.toml'),
      `registeredInstances = []\n[jobs]\nconcurrency = 1\npollInterval = 2\nupdateInterval = 1\n[ffmpeg]\nthreads = ${opts.threads ?? 2}\nnice = ${opts.nice ?? 0}\nencoder = "libx264"\npreset = "${opts.preset ?? 'veryfast'}"\n${opts.extra ?? ''}`,
    );
  }

  async cli(args: string[]): Promise<{ code: number | null; out: string }> {
    const child = spawn(process.execPath, [BIN, '--id', this.id, ...args], { env: this.env() });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    return { code, out };
  }

  async register(server: TestServer, name: string): Promise<void> {
    await server.admin.api('POST', '/runners/registration-tokens/generate');
    const list = await server.admin.api<{ data: Array<{ registrationToken: string }> }>('GET', '/runners/registration-tokens');
    const token = list.body.data[0]!.registrationToken;
    const res = await this.cli(['register', '--url', server.url, '--registration-token', token, '--runner-name', name]);
    if (res.code !== 0) throw new Error(`register failed: ${res.out}`);
  }

  /** @param opts.detached own process group, so killGroup() takes its ffmpeg down too (a machine dying) */
  async start(opts: { detached?: boolean } = {}): Promise<this> {
    const child = spawn(process.execPath, [BIN, '--id', this.id, '--verbose', 'server'], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: opts.detached ?? false,
    });
    this.process = child;
    const append = (b: Buffer) => {
      this.output += b.toString();
      if (process.env.TEST_SERVER_LOGS) process.stderr.write(b);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    await waitFor(() => this.output.includes('shoal-runner started'), { timeout: 20_000, what: 'runner start' });
    return this;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await done;
  }

  async killGroup(): Promise<void> {
    const child = this.process;
    if (!child?.pid || child.exitCode !== null) return;
    const done = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGKILL');
    await done;
  }

  async cleanup(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.home, { recursive: true, force: true });
  }
}

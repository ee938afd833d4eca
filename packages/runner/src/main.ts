#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { RunnerClient } from '@shoal/api-client';
import { loadConfig, runnerPaths, saveConfig } from './config';
import { RunnerDaemon } from './daemon';
import { createLog } from './logger';
import { StatusLines } from './progress-display';
import { RUNNER_VERSION } from './version';

const USAGE = `Usage: shoal-runner [--id <id>] [--verbose] <command>

Commands:
  server                      run jobs for every registered server (until SIGINT/SIGTERM)
  register --url <url> --registration-token <token> --runner-name <name> [--runner-description <text>]
  unregister --url <url> --runner-name <name>
  list-registered             print the servers this runner is registered with
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string', default: 'default' },
    verbose: { type: 'boolean', default: false },
    url: { type: 'string' },
    'registration-token': { type: 'string' },
    'runner-name': { type: 'string' },
    'runner-description': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const paths = runnerPaths(values.id!);
// A terminal gets live progress bars; journald and pipes get plain lines.
const status = process.stderr.isTTY ? new StatusLines(process.stderr) : null;
const log = createLog(values.verbose!, status ?? undefined);

function required(name: 'url' | 'registration-token' | 'runner-name'): string {
  const value = values[name];
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

/** Only the scheme is checked, as PeerTube's runner does; a trailing slash would double in paths. */
function serverUrl(): string {
  const url = required('url').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url)) throw new Error('--url must start with http:// or https://');
  return url;
}

async function register(): Promise<void> {
  const url = serverUrl();
  const config = await loadConfig(paths.configFile);
  const name = required('runner-name');
  const description = values['runner-description'];
  const { runnerToken } = await new RunnerClient(url).register({
    registrationToken: required('registration-token'),
    name,
    description,
    version: RUNNER_VERSION,
  });
  config.registeredInstances.push({ url, runnerToken, runnerName: name, ...(description ? { runnerDescription: description } : {}) });
  await saveConfig(paths.configFile, config);
  process.stdout.write(`Registered as ${name} on ${url}\n`);
}

async function unregister(): Promise<void> {
  const url = serverUrl();
  const config = await loadConfig(paths.configFile);
  const name = required('runner-name');
  const instance = config.registeredInstances.find((i) => i.url === url && i.runnerName === name);
  if (!instance) throw new Error(`${name} is not registered on ${url}`);
  // Forget it locally even when the server already dropped it.
  await new RunnerClient(url)
    .unregister(instance.runnerToken)
    .catch((e: Error) => log.warn('unregister failed on the server', { err: e.message }));
  config.registeredInstances = config.registeredInstances.filter((i) => i !== instance);
  await saveConfig(paths.configFile, config);
  process.stdout.write(`Unregistered ${name} from ${url}\n`);
}

async function listRegistered(): Promise<void> {
  const config = await loadConfig(paths.configFile);
  for (const i of config.registeredInstances) process.stdout.write(`${i.url}\t${i.runnerName}\t${i.runnerDescription ?? ''}\n`);
}

async function server(): Promise<void> {
  const daemon = new RunnerDaemon(paths, log, status);
  const stop = (signal: string) => void daemon.shutdown(signal).then(() => process.exit(0));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  await daemon.start();
}

const commands: Record<string, () => Promise<void>> = { server, register, unregister, 'list-registered': listRegistered };
const command = commands[positionals[0] ?? ''];
if (values.help || !command) {
  process.stdout.write(USAGE);
  process.exit(values.help ? 0 : 2);
}
command().catch((err: Error) => {
  process.stderr.write(`shoal-runner: ${err.message}\n`);
  process.exit(1);
});

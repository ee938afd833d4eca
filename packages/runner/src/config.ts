import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'smol-toml';
import type { EncoderPreset, VideoEncoder } from '@shoal/ffmpeg';

/** One server this runner is registered with. */
export interface RegisteredInstance {
  url: string;
  runnerToken: string;
  runnerName: string;
  runnerDescription?: string;
}

/** `config.toml`: created with these defaults on first use, rewritten on (un)register. */
export interface RunnerConfig {
  jobs: {
    /** Jobs in parallel, all servers together. */
    concurrency: number;
    /** Slow safety poll on top of socket.io notifications, in seconds (0 = off). */
    pollInterval: number;
    /** Progress update / keep-alive period in seconds; must stay below the server's stall threshold. */
    updateInterval: number;
  };
  ffmpeg: { threads: number; nice: number; encoder: VideoEncoder; preset: EncoderPreset; hwDevice: string };
  /** On SIGINT/SIGTERM: `abort` running jobs (another runner takes them) or `finish` them within `timeout` seconds. */
  shutdown: { mode: 'abort' | 'finish'; timeout: number };
  registeredInstances: RegisteredInstance[];
}

export const DEFAULT_CONFIG: RunnerConfig = {
  jobs: { concurrency: 2, pollInterval: 30, updateInterval: 20 },
  ffmpeg: { threads: 2, nice: 20, encoder: 'libx264', preset: 'veryfast', hwDevice: '/dev/dri/renderD128' },
  shutdown: { mode: 'abort', timeout: 60 },
  registeredInstances: [],
};

const ENCODERS: VideoEncoder[] = ['libx264', 'h264_nvenc', 'h264_vaapi', 'h264_qsv'];

/** XDG directories of one runner id (`--id`), so several runners can share a machine. */
export function runnerPaths(id: string) {
  const config = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const configDir = join(config, 'shoal-runner', id);
  return { configDir, configFile: join(configDir, 'config.toml'), workDir: join(cache, 'shoal-runner', id, 'jobs') };
}

function merge(raw: Record<string, unknown>): RunnerConfig {
  const section = <K extends keyof RunnerConfig>(k: K) =>
    ({ ...(DEFAULT_CONFIG[k] as object), ...((raw[k] as object) ?? {}) }) as RunnerConfig[K];
  const config: RunnerConfig = {
    jobs: section('jobs'),
    ffmpeg: section('ffmpeg'),
    shutdown: section('shutdown'),
    registeredInstances: (raw.registeredInstances as RegisteredInstance[] | undefined) ?? [],
  };
  if (!ENCODERS.includes(config.ffmpeg.encoder)) throw new Error(`[ffmpeg] encoder must be one of ${ENCODERS.join(', ')}`);
  if (!(config.jobs.concurrency >= 1)) throw new Error('[jobs] concurrency must be at least 1');
  return config;
}

export async function loadConfig(file: string): Promise<RunnerConfig> {
  if (!existsSync(file)) {
    await saveConfig(file, DEFAULT_CONFIG);
    return structuredClone(DEFAULT_CONFIG);
  }
  return merge(parse(await readFile(file, 'utf8')) as Record<string, unknown>);
}

/** Written to a temporary file then renamed: a running server never reads half a file. */
export async function saveConfig(file: string, config: RunnerConfig): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, stringify(config as unknown as Record<string, unknown>), { mode: 0o600 });
  await rename(tmp, file);
}

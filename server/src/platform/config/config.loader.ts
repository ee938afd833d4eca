import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configSchema, type Config } from './config.schema';

export class ConfigError extends Error {}

type Tree = Record<string, unknown>;

function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge where arrays and scalars of `over` replace those of `base`. */
export function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isTree(v) && isTree(base[k]) ? deepMerge(base[k] as Tree, v) : v;
  }
  return out;
}

function readYaml(file: string): Tree {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read configuration file ${file}: ${(err as Error).message}`);
  }
  try {
    const parsed: unknown = parseYaml(text);
    if (parsed == null) return {};
    if (!isTree(parsed)) throw new Error('top level is not a mapping');
    return parsed;
  } catch (err) {
    throw new ConfigError(`configuration file ${file} is not valid YAML: ${(err as Error).message}`);
  }
}

function set(tree: Tree, path: string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1]] = value;
}

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name}="${raw}" is not a whole number`);
  return Number(raw);
}

function envBool(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!['true', 'false', '1', '0'].includes(raw)) throw new ConfigError(`${name}="${raw}" is not true or false`);
  return raw === 'true' || raw === '1';
}

/** The documented environment overrides (README "Configuration"). */
function applyEnv(tree: Tree, env: NodeJS.ProcessEnv): void {
  const pairs: Array<[string[], unknown]> = [
    [['listen', 'port'], envInt(env, 'PT_LISTEN_PORT')],
    [['webserver', 'hostname'], env.PT_HOSTNAME || undefined],
    [['webserver', 'port'], envInt(env, 'PT_PORT')],
    [['webserver', 'https'], envBool(env, 'PT_HTTPS')],
    [['database', 'url'], env.PT_DATABASE_URL || undefined],
    [['redis', 'url'], env.PT_REDIS_URL || undefined],
    [['redis', 'prefix'], env.PT_REDIS_PREFIX || undefined],
    [['storage', 'root'], env.PT_STORAGE_DIR || undefined],
    [['log', 'level'], env.PT_LOG_LEVEL || undefined],
  ];
  for (const [path, value] of pairs) if (value !== undefined) set(tree, path, value);
}

export interface LoadOptions {
  /** Folder holding default.yaml. */
  configDir: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads default.yaml, merges PT_CONFIG files, applies env overrides, validates. */
export function loadConfig({ configDir, env = process.env }: LoadOptions): Config {
  let tree = readYaml(resolve(configDir, 'default.yaml'));
  for (const file of (env.PT_CONFIG ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)) {
    tree = deepMerge(tree, readYaml(isAbsolute(file) ? file : resolve(file)));
  }
  applyEnv(tree, env);
  const result = configSchema.safeParse(tree);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const keys = 'keys' in i && Array.isArray(i.keys) ? i.keys.map((k) => [...i.path, k].join('.')).join(', ') : '';
      const where = i.path.join('.') || '(top level)';
      return i.code === 'unrecognized_keys' ? `  unknown key ${keys}` : `  ${where}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

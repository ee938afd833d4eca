import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CUSTOM_CONFIG_RESOLUTIONS, customConfigUpdateSchema, type CustomConfig, type CustomConfigUpdate } from '@shoal/models';
import type { Config } from '../../platform/config';
import type { AppContext } from '../../platform/context';

/**
 * What an administrator changed in the web admin, kept in one YAML file under the storage root
 * (like PeerTube's local-production.json) and laid over the configuration files at boot.
 */
export function customConfigFile(ctx: AppContext): string {
  return join(ctx.dirs.root, 'custom-config.yaml');
}

/** Writes the override into the in-memory configuration, which services read at request time. */
export function applyCustomConfig(config: Config, update: CustomConfigUpdate): void {
  const i = update.instance;
  if (i?.name !== undefined) config.instance.name = i.name;
  if (i?.shortDescription !== undefined) config.instance.short_description = i.shortDescription;
  if (i?.description !== undefined) config.instance.description = i.description;
  if (i?.terms !== undefined) config.instance.terms = i.terms;
  const s = update.signup;
  if (s?.enabled !== undefined) config.signup.enabled = s.enabled;
  if (s?.requiresApproval !== undefined) config.signup.requires_approval = s.requiresApproval;
  if (s?.limit !== undefined) config.signup.limit = s.limit;
  for (const r of CUSTOM_CONFIG_RESOLUTIONS) {
    const on = update.transcoding?.resolutions?.[r];
    if (on !== undefined) config.transcoding.resolutions[r] = on;
  }
  if (update.live?.enabled !== undefined) config.live.enabled = update.live.enabled;
}

export function readCustomConfig(config: Config): Omit<CustomConfig, 'restartRequired'> {
  return {
    instance: {
      name: config.instance.name,
      shortDescription: config.instance.short_description,
      description: config.instance.description,
      terms: config.instance.terms,
    },
    signup: { enabled: config.signup.enabled, requiresApproval: config.signup.requires_approval, limit: config.signup.limit },
    transcoding: { enabled: true, resolutions: { ...config.transcoding.resolutions } },
    live: { enabled: config.live.enabled },
  };
}

/**
 * Boot-time: lays the stored override over the configuration before services read it. A broken
 * file stops the boot with a readable message, like a broken configuration file does.
 */
export function loadStoredCustomConfig(ctx: AppContext): void {
  let text: string;
  try {
    text = readFileSync(customConfigFile(ctx), 'utf8');
  } catch {
    return; // nothing was ever saved
  }
  const parsed = customConfigUpdateSchema.safeParse(parseYaml(text) ?? {});
  if (!parsed.success) throw new Error(`${customConfigFile(ctx)} is invalid: ${parsed.error.message}`);
  applyCustomConfig(ctx.config, parsed.data);
}

/** Saves the whole current custom config; write-then-rename so a crash never leaves half a file. */
export async function storeCustomConfig(ctx: AppContext): Promise<void> {
  const file = customConfigFile(ctx);
  const tmp = `${file}.tmp`;
  await writeFile(tmp, stringifyYaml(readCustomConfig(ctx.config)), 'utf8');
  await rename(tmp, file);
}

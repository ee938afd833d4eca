import { mkdir } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Config } from '../config';

export type StorageDirName = Exclude<keyof Config['storage'], 'root'>;
export type StorageDirs = Record<StorageDirName, string> & { root: string };

/** Absolute paths of every storage folder; relative ones live under `storage.root`. */
export function storageDirs(config: Config): StorageDirs {
  const root = resolve(config.storage.root);
  const out = { root } as StorageDirs;
  for (const [key, value] of Object.entries(config.storage)) {
    if (key === 'root') continue;
    out[key as StorageDirName] = isAbsolute(value) ? value : resolve(root, value);
  }
  return out;
}

export async function ensureStorageDirs(dirs: StorageDirs): Promise<void> {
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
}

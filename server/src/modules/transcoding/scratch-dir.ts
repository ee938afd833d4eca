import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context';

/** Where transcodes work before their results are moved into place. */
export function scratchRoot(ctx: AppContext): string {
  return join(ctx.dirs.tmp, 'transcoding');
}

/** A fresh `<videoId>-<sourceId>-<random>` folder, so two runs never share files. */
export async function createScratchDir(ctx: AppContext, videoId: number, sourceId: number): Promise<string> {
  await mkdir(scratchRoot(ctx), { recursive: true });
  return mkdtemp(join(scratchRoot(ctx), `${videoId}-${sourceId}-`));
}

/**
 * Kills processes whose command line names `dir`. A worker killed with SIGKILL leaves its
 * ffmpeg running as an orphan (ffmpeg ignores SIGPIPE on its progress pipe); left alone it
 * would compete for the CPU with the job's next run. Linux only (/proc); a no-op elsewhere.
 */
export async function killProcessesUsing(dir: string): Promise<number[]> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid);
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    // Arguments are NUL-separated; a file inside the folder appears as "<dir>/…".
    if (!cmdline.split('\0').some((arg) => arg.startsWith(`${dir}/`))) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed.push(Number(pid));
    } catch {
      // Already gone, or not ours to kill.
    }
  }
  return killed;
}

/**
 * Removes what earlier runs for this video left behind (a crash or kill mid-transcode),
 * stopping their orphaned ffmpeg first. Called before a run creates its own folder.
 */
export async function removeStaleScratchDirs(ctx: AppContext, videoId: number): Promise<string[]> {
  const entries = await readdir(scratchRoot(ctx)).catch(() => [] as string[]);
  const stale = entries.filter((e) => e.startsWith(`${videoId}-`)).map((e) => join(scratchRoot(ctx), e));
  for (const dir of stale) {
    const killed = await killProcessesUsing(dir);
    if (killed.length) ctx.logger.warn({ dir, pids: killed }, 'killed orphaned ffmpeg of an interrupted transcode');
    await rm(dir, { recursive: true, force: true });
  }
  return stale;
}

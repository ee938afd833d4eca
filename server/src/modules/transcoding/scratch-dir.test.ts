import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context';
import { createScratchDir, killProcessesUsing, removeStaleScratchDirs, scratchRoot } from './scratch-dir';

const exited = (child: ReturnType<typeof spawn>) => new Promise<string | null>((ok) => child.once('exit', (_code, signal) => ok(signal)));

describe('transcoding scratch folders', () => {
  let root: string;
  let ctx: AppContext;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shoal-scratch-'));
    const warnings: unknown[] = [];
    ctx = { dirs: { tmp: root }, logger: { warn: (o: unknown) => warnings.push(o) } } as unknown as AppContext;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives each run its own folder named after the video and source', async () => {
    const a = await createScratchDir(ctx, 12, 3);
    const b = await createScratchDir(ctx, 12, 3);
    assert.notEqual(a, b);
    assert.match(a, /\/transcoding\/12-3-[A-Za-z0-9]{6}$/);
  });

  it("kills the orphaned process of an interrupted run and removes its folder, not other videos' folders", async function () {
    if (process.platform !== 'linux') this.skip();
    const stale = join(scratchRoot(ctx), '7-1-abcdef');
    const other = join(scratchRoot(ctx), '71-1-abcdef');
    mkdirSync(stale, { recursive: true });
    mkdirSync(other, { recursive: true });
    // Stands for an ffmpeg writing into the folder: its arguments name a file inside it.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', `${stale}/out.m3u8`], { stdio: 'ignore' });
    const gone = exited(holder);
    try {
      assert.deepEqual(await removeStaleScratchDirs(ctx, 7), [stale]);
      assert.equal(await gone, 'SIGKILL');
      assert.equal(existsSync(stale), false);
      assert.equal(existsSync(other), true);
    } finally {
      holder.kill();
    }
  });

  it('finds nothing to kill for a folder no process uses', async () => {
    assert.deepEqual(await killProcessesUsing(join(root, 'nobody')), []);
  });
});

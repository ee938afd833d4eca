import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIVE_SHA_FILE, LiveSegmentWatcher, parseSegmentName } from './live-segments';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('LiveSegmentWatcher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-segments-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const hashes = async () => JSON.parse(await readFile(join(dir, LIVE_SHA_FILE), 'utf8').catch(() => '{}')) as Record<string, string>;

  it('hashes segments as they appear, drops deleted ones, and fires ready once a playlist lists one', async () => {
    let ready = 0;
    const watcher = new LiveSegmentWatcher(dir, () => ready++);
    watcher.start();
    await writeFile(join(dir, '0-000000.ts'), 'first');
    await until(async () => (await hashes())['0-000000.ts'] === sha('first'));
    assert.equal(ready, 0, 'not ready without master and playlist');

    await writeFile(join(dir, '0.m3u8'), '#EXTM3U\n#EXTINF:1,\n0-000000.ts\n');
    await writeFile(join(dir, 'master.m3u8'), '#EXTM3U\n');
    await writeFile(join(dir, '1-000001.ts'), 'second');
    await until(async () => Object.keys(await hashes()).length === 2 && ready === 1);

    await rm(join(dir, '0-000000.ts'));
    await until(async () => !('0-000000.ts' in (await hashes())));
    await watcher.close();
    assert.equal(watcher.lastSequence, 1);
    assert.equal(ready, 1);
  });

  it('reads rendition and sequence from segment names only', () => {
    assert.deepEqual(parseSegmentName('2-000042.ts'), { rendition: 2, sequence: 42 });
    assert.equal(parseSegmentName('0-000042.ts.tmp'), null);
    assert.equal(parseSegmentName('master.m3u8'), null);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotFileCache } from './hot-file-cache';

describe('HotFileCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoal-hot-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a file once for viewers arriving together, then serves it from memory', async () => {
    const cache = new HotFileCache({ maxBytes: 1024, maxFileBytes: 512, trustMs: 1000 });
    const path = file('0-000001.ts', 'segment one');
    const [a, b, c] = await Promise.all([cache.get(path), cache.get(path), cache.get(path)]);
    assert.equal(a!.body.toString(), 'segment one');
    assert.equal(a, b);
    assert.equal(b, c);
    assert.deepEqual(cache.size, { files: 1, bytes: 11 });
    assert.equal(await cache.get(path), a, 'same entry while unchanged');
  });

  it('notices a rewritten file (playlists) and a removed one (segment out of the window, video made private)', async () => {
    const cache = new HotFileCache({ maxBytes: 1024, maxFileBytes: 512, trustMs: 1000 });
    const path = file('0.m3u8', '#EXTM3U\n#1');
    assert.equal((await cache.get(path))!.body.toString(), '#EXTM3U\n#1');
    writeFileSync(path, '#EXTM3U\n#2');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    assert.equal((await cache.get(path))!.body.toString(), '#EXTM3U\n#2');
    unlinkSync(path);
    assert.equal(await cache.get(path), null);
    assert.deepEqual(cache.size, { files: 0, bytes: 0 });
  });

  it('keeps within its memory budget, dropping the least recently served first, and skips large files', async () => {
    const cache = new HotFileCache({ maxBytes: 25, maxFileBytes: 20, trustMs: 1000 });
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((n) => file(n, Buffer.alloc(10, n)));
    await cache.get(a!);
    await cache.get(b!);
    await cache.get(a!); // a is now the most recent
    await cache.get(c!); // 30 bytes > 25: b goes
    assert.deepEqual(cache.size, { files: 2, bytes: 20 });
    assert.equal(await cache.get(file('big.ts', Buffer.alloc(21))), null);
    assert.equal(await cache.get(join(dir, 'missing.ts')), null);
    assert.equal(await cache.get(dir), null, 'a folder is not a file');
  });

  it('serves an immutable file from memory for trustMs without looking at the disk, and forgets on clear()', async () => {
    let clock = 1_000;
    const cache = new HotFileCache({ maxBytes: 1024, maxFileBytes: 512, trustMs: 1000 }, () => clock);
    const path = file('1-000007.ts', 'immutable');
    assert.equal((await cache.get(path, true))!.body.toString(), 'immutable');
    unlinkSync(path);
    clock += 500;
    assert.equal((await cache.get(path, true))!.body.toString(), 'immutable', 'within the trust window');
    assert.equal(await cache.get(path), null, 'a mutable read always checks the disk');
    writeFileSync(path, 'immutable');
    await cache.get(path, true);
    cache.clear();
    unlinkSync(path);
    assert.equal(await cache.get(path, true), null, 'cleared: the disk decides again');
    clock += 2_000;
    assert.deepEqual(cache.size, { files: 0, bytes: 0 });
  });
});

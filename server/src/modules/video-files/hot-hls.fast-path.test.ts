import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotFileCache } from './hot-file-cache';
import { hotHlsFastPath } from './hot-hls.fast-path';

const UUID = '0b6f2c1e-8d7a-4c55-9b1e-2f3a4b5c6d7e';

describe('hotHlsFastPath', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let fallbacks: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hot-hls-'));
    const fastPath = hotHlsFastPath({
      hotFiles: new HotFileCache({ maxBytes: 1 << 20, maxFileBytes: 1 << 16, trustMs: 60_000 }),
      publicFile: (uuid, file) => join(dir, uuid, file),
      commonHeaders: { 'X-Content-Type-Options': 'nosniff' },
      publicCache: 'public, max-age=7200',
    });
    server = createServer((req, res) =>
      fastPath(req, res, () => {
        fallbacks.push(`${req.method} ${req.url}`);
        res.writeHead(418).end();
      }),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/static/streaming-playlists/hls/${UUID}`;
  });
  beforeEach(() => {
    fallbacks = [];
    rmSync(join(dir, UUID), { recursive: true, force: true });
    mkdirSync(join(dir, UUID));
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a segment from memory with the common headers, even once it left the disk', async () => {
    writeFileSync(join(dir, UUID, '1-000001.ts'), 'segment-bytes');
    const first = await fetch(`${base}/1-000001.ts`);
    assert.equal(first.status, 200);
    assert.equal(await first.text(), 'segment-bytes');
    assert.equal(first.headers.get('content-type'), 'video/mp2t');
    assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=7200');
    rmSync(join(dir, UUID, '1-000001.ts'));
    assert.equal(await (await fetch(`${base}/1-000001.ts`)).text(), 'segment-bytes');
    assert.deepEqual(fallbacks, []);
  });

  it('rereads a playlist that changed and marks live playlists no-cache, VOD ones public', async () => {
    writeFileSync(join(dir, UUID, '1.m3u8'), '#EXTM3U\n#one\n');
    assert.equal(await (await fetch(`${base}/1.m3u8`)).text(), '#EXTM3U\n#one\n');
    writeFileSync(join(dir, UUID, '1.m3u8'), '#EXTM3U\n#one\n#two\n');
    const res = await fetch(`${base}/1.m3u8`);
    assert.equal(await res.text(), '#EXTM3U\n#one\n#two\n');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(res.headers.get('content-type'), 'application/x-mpegurl');
    writeFileSync(join(dir, UUID, 'c0ffee-master.m3u8'), '#EXTM3U\n');
    assert.equal((await fetch(`${base}/c0ffee-master.m3u8`)).headers.get('cache-control'), 'public, max-age=7200');
  });

  it('hands everything else to the application', async () => {
    writeFileSync(join(dir, UUID, '1.m3u8'), '#EXTM3U\n');
    const statuses = await Promise.all([
      fetch(`${base}/1.m3u8`, { method: 'HEAD' }),
      fetch(`${base}/1.m3u8`, { headers: { range: 'bytes=0-1' } }),
      fetch(`${base}/1.m3u8?videoFileToken=x`),
      fetch(`${base}/missing.ts`),
      fetch(`${base}/.hidden.ts`),
      fetch(`${base}/segment.mp4`),
      fetch(`${base.replace(UUID, `private/${UUID}`)}/1.m3u8`),
    ]).then((all) => all.map((r) => r.status));
    assert.deepEqual(statuses, [418, 418, 418, 418, 418, 418, 418]);
    assert.equal(fallbacks.length, 7);
  });
});

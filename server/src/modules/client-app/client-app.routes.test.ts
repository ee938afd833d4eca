import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { errorHandler } from '../../platform/errors';
import { clientAppRoutes } from './client-app.routes';

const logger = pino({ level: 'silent' });

async function serve(distDir: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(clientAppRoutes({ logger }, { distDir }));
  app.use(errorHandler(logger));
  const server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('client app routes', () => {
  let dir: string;
  let url: string;
  let server: Server;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shoal-client-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Shoal</title>');
    writeFileSync(join(dir, 'main-ABCD1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    ({ url, server } = await serve(dir));
  });

  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers PeerTube page URLs with index.html that is never cached', async () => {
    for (const path of [
      '/',
      '/w/abc',
      '/videos/watch/12',
      '/c/chan@example.org:9000',
      '/my-library/videos',
      '/admin/users',
      '/index.html',
    ]) {
      const res = await fetch(url + path, { headers: { accept: 'text/html' } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', path);
      assert.match(await res.text(), /<title>Shoal/);
    }
  });

  it('caches hashed bundles for a year and other assets for 30 days', async () => {
    const bundle = await fetch(`${url}/main-ABCD1234.js`);
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const icon = await fetch(`${url}/favicon.svg`);
    assert.equal(icon.headers.get('cache-control'), 'public, max-age=2592000');
  });

  it('does not answer missing assets, server paths or JSON requests with the page', async () => {
    assert.equal((await fetch(`${url}/main-OLDHASH1.js`)).status, 404);
    assert.equal((await fetch(`${url}/api/v1/nothing`, { headers: { accept: 'text/html' } })).status, 404);
    assert.equal((await fetch(`${url}/static/streaming-playlists/hls/x.m3u8`)).status, 404);
    assert.equal((await fetch(`${url}/w/abc`, { headers: { accept: 'application/json' } })).status, 404);
  });

  it('lets other sites frame the embed page only', async () => {
    const app = express();
    app.use((_req, res, next) => (res.setHeader('X-Frame-Options', 'SAMEORIGIN'), next()));
    app.use(clientAppRoutes({ logger }, { distDir: dir }));
    const s = app.listen(0, '127.0.0.1');
    await new Promise((ok) => s.once('listening', ok));
    const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
    const page = { headers: { accept: 'text/html' } };
    assert.equal((await fetch(`${base}/videos/embed/abc`, page)).headers.get('x-frame-options'), null);
    assert.equal((await fetch(`${base}/w/abc`, page)).headers.get('x-frame-options'), 'SAMEORIGIN');
    s.close();
  });

  it('answers tools that do not ask for HTML with a 404, not the page', async () => {
    const app = express();
    app.use(clientAppRoutes({ logger }, { distDir: dir }));
    const s = app.listen(0, '127.0.0.1');
    await new Promise((ok) => s.once('listening', ok));
    const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
    assert.equal((await fetch(`${base}/etc/passwd`)).status, 404);
    assert.equal((await fetch(`${base}/etc/passwd`, { headers: { accept: 'application/json' } })).status, 404);
    s.close();
  });

  it('answers a 404 problem for pages when the client is not built', async () => {
    const missing = await serve(join(dir, 'nope'));
    const res = await fetch(`${missing.url}/w/abc`, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    missing.server.close();
  });
});

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { downloadImage } from './image-download';

describe('federation: remote image download', () => {
  let server: Server;
  let port = 0;
  before(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048, 1)));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as { port: number }).port;
  });
  after(() => new Promise((r) => server.close(r)));

  it('refuses loopback targets (literal or by name) with SSRF protection, and caps the size', async () => {
    await assert.rejects(downloadImage(`http://127.0.0.1:${port}/t.jpg`, { preventSsrf: true, maxBytes: 10_000 }), /private address/);
    await assert.rejects(downloadImage(`http://localhost:${port}/t.jpg`, { preventSsrf: true, maxBytes: 10_000 }), /private address/);
    const ok = await downloadImage(`http://127.0.0.1:${port}/t.jpg`, { preventSsrf: false, maxBytes: 10_000 });
    assert.equal(ok.length, 2048);
    await assert.rejects(downloadImage(`http://127.0.0.1:${port}/t.jpg`, { preventSsrf: false, maxBytes: 1000 }), /too large/);
  });
});

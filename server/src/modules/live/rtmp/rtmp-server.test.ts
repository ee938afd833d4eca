import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flvHeader, flvTag } from './flv';
import type { LiveFeed } from './live-feed';
import { RtmpServer } from './rtmp-server';

const quiet = { debug: () => undefined, warn: () => undefined };

function publish(port: number, key: string, seconds = 30, scheme = 'rtmp'): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=256x144:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440'],
      ...['-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '15', '-c:a', 'aac', '-f', 'flv'],
      `${scheme}://127.0.0.1:${port}/live/${key}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

const exitOf = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.once('exit', (c) => r(c))));

describe('RTMP server (with ffmpeg)', function () {
  this.timeout(30_000);
  let server: RtmpServer;
  let port: number;
  const feeds: LiveFeed[] = [];
  const children: ChildProcess[] = [];

  before(async () => {
    server = new RtmpServer(
      {
        publish: async (app, name, feed) => {
          if (app !== 'live' || name !== 'good-key') return false;
          feeds.push(feed);
          return true;
        },
        play: async (app, name) => (name === 'pull-secret' ? 'good-key' : null),
      },
      quiet,
    );
    port = await server.listen({ hostname: '127.0.0.1', port: 0 });
  });

  after(async () => {
    for (const c of children) c.kill('SIGKILL');
    await server.close();
  });

  it('refuses an unknown stream key before any media flows', async () => {
    const encoder = publish(port, 'wrong-key');
    children.push(encoder);
    const code = await exitOf(encoder);
    assert.notEqual(code, 0);
    assert.equal(server.feed('wrong-key'), undefined);
  });

  it('accepts a known key, feeds tags that form a valid FLV, and lets a player pull the stream', async () => {
    const encoder = publish(port, 'good-key');
    children.push(encoder);
    while (!feeds[0] || feeds[0].bytes < 10_000) await new Promise((r) => setTimeout(r, 100));
    const feed = feeds[0];
    assert.ok(feed.hasVideo && feed.hasAudio);

    // The FLV built from the feed is readable by ffprobe.
    const probe = spawn('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', '-f', 'flv', '-i', 'pipe:0']);
    let out = '';
    probe.stdout.on('data', (d: Buffer) => (out += d.toString()));
    probe.stdin.on('error', () => undefined);
    probe.stdin.write(flvHeader(true, true));
    const stop = feed.subscribe((tag) => probe.stdin.writable && probe.stdin.write(flvTag(tag)));
    setTimeout(() => {
      stop();
      probe.stdin.end();
    }, 2000);
    await exitOf(probe);
    assert.deepEqual(out.trim().split('\n').sort(), ['aac', 'h264']);

    // A player (a remote runner) pulls the published stream with its own name.
    const player = spawn('ffmpeg', ['-v', 'error', '-i', `rtmp://127.0.0.1:${port}/live/pull-secret`, '-t', '1', '-f', 'null', '-']);
    children.push(player);
    assert.equal(await exitOf(player), 0);

    encoder.kill('SIGKILL');
    const started = Date.now();
    while (!feed.ended) await new Promise((r) => setTimeout(r, 50));
    assert.ok(Date.now() - started < 3000, 'a killed encoder ends its feed at once');
  });

  it('refuses to play a name that stands for no running stream', async () => {
    const player = spawn('ffmpeg', ['-v', 'error', '-i', `rtmp://127.0.0.1:${port}/live/nothing`, '-t', '1', '-f', 'null', '-']);
    children.push(player);
    assert.notEqual(await exitOf(player), 0);
  });

  it('accepts publishers over RTMPS with the configured certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtmps-'));
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', keyFile, '-out', certFile],
      {
        stdio: 'ignore',
      },
    );
    const tlsFeeds: LiveFeed[] = [];
    const secure = new RtmpServer({ publish: async (_app, _name, feed) => (tlsFeeds.push(feed), true), play: async () => null }, quiet);
    try {
      const tlsPort = await secure.listen({ hostname: '127.0.0.1', port: 0, tls: { keyFile, certFile } });
      const encoder = publish(tlsPort, 'tls-key', 3, 'rtmps');
      children.push(encoder);
      assert.equal(await exitOf(encoder), 0);
      assert.ok(tlsFeeds[0]?.bytes > 0, 'media arrived over TLS');
    } finally {
      await secure.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

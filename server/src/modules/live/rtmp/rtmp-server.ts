import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { LiveFeed } from './live-feed';
import { RtmpConnection, type ConnectionHost } from './rtmp-connection';

/** The decisions the live module makes for the RTMP front. */
export interface RtmpPolicy {
  /** Key check before anything starts: return true to accept (the feed is then subscribed to). */
  publish(app: string, name: string, feed: LiveFeed): Promise<boolean>;
  /** Which published stream key a play name stands for, or null to refuse. */
  play(app: string, name: string): Promise<string | null>;
}

export interface RtmpListen {
  hostname: string;
  port: number;
  tls?: { keyFile: string; certFile: string };
}

/** Publishers send at least a frame every few seconds: silence this long means the encoder is gone. */
const PUBLISH_IDLE_MS = 10_000;

/**
 * RTMP/RTMPS listener: accepts publishers the policy lets in and players of running
 * streams. One LiveFeed per published stream name.
 */
export class RtmpServer implements ConnectionHost {
  private readonly servers: Server[] = [];
  private readonly feeds = new Map<string, LiveFeed>();
  private readonly connections = new Set<RtmpConnection>();

  constructor(
    private readonly policy: RtmpPolicy,
    readonly log: { debug(obj: object, msg: string): void; warn(obj: object, msg: string): void },
  ) {}

  async listen(opts: RtmpListen): Promise<number> {
    const onSocket = (socket: import('node:net').Socket) => {
      const conn = new RtmpConnection(socket, this);
      this.connections.add(conn);
      socket.setTimeout(PUBLISH_IDLE_MS);
      socket.on('timeout', () => {
        // Players only read: a quiet player is normal, a quiet publisher or stray client is not.
        if (!this.isPlayer(conn)) conn.close();
      });
      socket.on('close', () => this.connections.delete(conn));
    };
    const server = opts.tls
      ? createTlsServer({ key: readFileSync(opts.tls.keyFile), cert: readFileSync(opts.tls.certFile) }, onSocket)
      : createServer(onSocket);
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port, opts.hostname, () => ok());
    });
    this.servers.push(server);
    const address = server.address();
    return typeof address === 'object' && address ? address.port : opts.port;
  }

  private readonly players = new WeakSet<RtmpConnection>();
  private isPlayer(conn: RtmpConnection): boolean {
    return this.players.has(conn);
  }

  async startPublish(conn: RtmpConnection, app: string, name: string): Promise<LiveFeed | null> {
    if (!name || this.feeds.has(name)) return null;
    const feed = new LiveFeed(app, name, () => conn.close());
    // Reserve the name during the (async) policy check: a second encoder with the same key loses.
    this.feeds.set(name, feed);
    let ok = false;
    try {
      ok = await this.policy.publish(app, name, feed);
    } catch (err) {
      this.log.warn({ err }, 'rtmp publish check failed');
    }
    if (!ok || conn.closed) {
      this.feeds.delete(name);
      if (ok) feed.end();
      return null;
    }
    feed.onEnd(() => {
      if (this.feeds.get(name) === feed) this.feeds.delete(name);
    });
    return feed;
  }

  async startPlay(conn: RtmpConnection, app: string, name: string): Promise<LiveFeed | null> {
    this.players.add(conn);
    const key = await this.policy.play(app, name).catch(() => null);
    const feed = key ? this.feeds.get(key) : undefined;
    return feed && !feed.ended ? feed : null;
  }

  feed(name: string): LiveFeed | undefined {
    return this.feeds.get(name);
  }

  async close(): Promise<void> {
    for (const conn of this.connections) conn.close();
    await Promise.all(this.servers.map((s) => new Promise((r) => s.close(r))));
    this.servers.length = 0;
  }
}

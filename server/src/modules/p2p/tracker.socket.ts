import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { AppContext } from '../../platform/context';
import { AnnounceLimiter } from './tracker-limits';
import { parseTrackerMessage } from './tracker-messages';
import { swarmPeer, TrackerSwarms, type SwarmPeer } from './tracker-swarms';

export const TRACKER_SOCKET_PATH = '/tracker/socket';
/** Seconds between re-announces asked of players (WebTorrent trackers use a few minutes). */
const ANNOUNCE_INTERVAL_S = 120;
/** A player joins one swarm per rendition and audio track; more than this is not a player. */
const MAX_SWARMS_PER_SOCKET = 24;
const MAX_OFFERS_RELAYED = 10;
/** Offers carry SDP (a few kB each); a whole announce stays far below this. */
const MAX_FRAME_BYTES = 256 * 1024;
const HEARTBEAT_MS = 30_000;

type ClientIp = (req: IncomingMessage) => string;

interface TrackedSocket {
  ws: WebSocket;
  alive: boolean;
}

/**
 * The WebTorrent tracker of `/tracker/socket`, inside the web process: players announce the
 * swarms they play (one per video rendition) and the tracker relays their WebRTC offers and
 * answers. It only takes upgrades of its own path; socket.io keeps the others.
 *
 * `tracker.private`: only pages of this instance (watch page, embeds) may use it, so other
 * sites cannot use our server as free signalling for their own swarms.
 */
export class P2PTracker {
  private wss: WebSocketServer | null = null;
  private server: HttpServer | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private clientIp: ClientIp = (req) => req.socket.remoteAddress ?? '';
  private readonly sockets = new Set<TrackedSocket>();
  private readonly swarms = new TrackerSwarms({ announceInterval: ANNOUNCE_INTERVAL_S, maxOffersRelayed: MAX_OFFERS_RELAYED });
  private readonly limiter: AnnounceLimiter;

  constructor(private readonly ctx: AppContext) {
    this.limiter = new AnnounceLimiter(ctx.config.tracker.reject_too_many_announces);
  }

  get enabled(): boolean {
    return this.ctx.config.tracker.enabled;
  }

  /** Takes `/tracker/socket` upgrades of `server`; `clientIp` resolves proxies like Express does. */
  attach(server: HttpServer, clientIp?: ClientIp): void {
    if (!this.enabled || this.wss) return;
    if (clientIp) this.clientIp = clientIp;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
    this.server = server;
    server.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => this.pingAll(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  stats(): { swarms: number; peers: number; sockets: number } {
    return { ...this.swarms.stats(), sockets: this.sockets.size };
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.server?.off('upgrade', this.onUpgrade);
    for (const s of this.sockets) s.ws.terminate();
    this.sockets.clear();
    this.wss?.close();
    this.wss = null;
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== TRACKER_SOCKET_PATH || !this.wss) return;
    if (this.ctx.config.tracker.private && req.headers.origin !== this.ctx.publicUrl) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const ip = this.clientIp(req);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, ip));
  };

  private onConnection(ws: WebSocket, ip: string): void {
    const tracked: TrackedSocket = { ws, alive: true };
    this.sockets.add(tracked);
    const peer = swarmPeer((message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('pong', () => (tracked.alive = true));
    ws.on('message', (data, isBinary) => this.onMessage(peer, ip, data, isBinary));
    ws.on('error', (err) => this.ctx.logger.debug({ err }, 'tracker socket error'));
    ws.on('close', () => {
      this.sockets.delete(tracked);
      this.swarms.leaveAll(peer);
    });
  }

  private onMessage(peer: SwarmPeer, ip: string, data: RawData, isBinary: boolean): void {
    const message = isBinary ? null : parseTrackerMessage(rawText(data));
    if (!message) {
      peer.send({ 'failure reason': 'invalid tracker message' });
      return;
    }
    if (message.action === 'scrape') {
      const asked = message.info_hash === undefined ? undefined : [message.info_hash].flat();
      peer.send(this.swarms.scrape(asked ?? [...peer.peerIds.keys()]));
      return;
    }
    const infoHash = message.info_hash;
    if (!message.answer) {
      const verdict = this.limiter.check(ip, infoHash);
      if (verdict === 'abnormal') this.ctx.logger.warn({ ip }, 'abnormal number of tracker announces from one IP');
      if (verdict === 'too-many') {
        peer.send({ action: 'announce', info_hash: infoHash, 'failure reason': 'too many announces' });
        return;
      }
      if (!peer.peerIds.has(infoHash) && peer.peerIds.size >= MAX_SWARMS_PER_SOCKET) {
        peer.send({ action: 'announce', info_hash: infoHash, 'failure reason': 'too many swarms on one connection' });
        return;
      }
    }
    this.swarms.announce(peer, message);
  }

  private pingAll(): void {
    for (const s of this.sockets) {
      if (!s.alive) {
        s.ws.terminate();
        continue;
      }
      s.alive = false;
      s.ws.ping();
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { decodeAmf0, encodeAmf0, type AmfValue } from './amf0';
import type { FlvTag, LiveFeed } from './live-feed';
import { ChunkReader, encodeChunks, MessageType, type RtmpMessage } from './rtmp-chunks';

const HANDSHAKE_SIZE = 1536;
const OUT_CHUNK_SIZE = 4096;
const WINDOW_ACK_SIZE = 5_000_000;
const STREAM_ID = 1;
/** Chunk stream ids for what we send (as other servers do). */
const CS = { CONTROL: 2, COMMAND: 3, AUDIO: 4, DATA: 5, VIDEO: 6 };

/** What the server decides for each connection; implemented by RtmpServer. */
export interface ConnectionHost {
  startPublish(conn: RtmpConnection, app: string, name: string): Promise<LiveFeed | null>;
  startPlay(conn: RtmpConnection, app: string, name: string): Promise<LiveFeed | null>;
  log: { debug(obj: object, msg: string): void };
}

/**
 * One RTMP client: handshake (the plain variant, which ffmpeg, OBS and librtmp accept),
 * then AMF0 commands. A publisher's media goes into its LiveFeed; a player gets one.
 */
export class RtmpConnection {
  private state: 'c0c1' | 'c2' | 'chunks' = 'c0c1';
  private pending: Buffer = Buffer.alloc(0);
  private readonly reader = new ChunkReader();
  private app = '';
  private feed: LiveFeed | null = null;
  private unsubscribe: (() => void) | null = null;
  private bytesIn = 0;
  private lastAck = 0;
  private peerWindow = 0;
  /** Commands are handled one at a time: publish waits for the key check. */
  private queue: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('close', () => this.onClose());
    socket.on('error', () => socket.destroy());
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(data: Buffer): void {
    if (this.closed) return;
    this.bytesIn += data.length;
    try {
      if (this.state !== 'chunks') return this.handshake(data);
      this.handleMessages(this.reader.push(data));
      this.acknowledge();
    } catch (err) {
      this.host.log.debug({ err }, 'rtmp protocol error');
      this.close();
    }
  }

  private handshake(data: Buffer): void {
    this.pending = Buffer.concat([this.pending, data]);
    if (this.state === 'c0c1') {
      if (this.pending.length < 1 + HANDSHAKE_SIZE) return;
      if (this.pending[0] !== 3) throw new Error('unsupported RTMP version');
      const c1 = this.pending.subarray(1, 1 + HANDSHAKE_SIZE);
      // S1: time, zero version (so clients skip digest checks), random bytes. S2 echoes C1.
      const s1 = Buffer.concat([Buffer.alloc(8), randomBytes(HANDSHAKE_SIZE - 8)]);
      this.socket.write(Buffer.concat([Buffer.from([3]), s1, c1]));
      this.pending = this.pending.subarray(1 + HANDSHAKE_SIZE);
      this.state = 'c2';
    }
    if (this.state === 'c2' && this.pending.length >= HANDSHAKE_SIZE) {
      const rest = this.pending.subarray(HANDSHAKE_SIZE);
      this.pending = Buffer.alloc(0);
      this.state = 'chunks';
      if (rest.length) this.handleMessages(this.reader.push(rest));
    }
  }

  private acknowledge(): void {
    if (!this.peerWindow || this.bytesIn - this.lastAck < this.peerWindow) return;
    this.lastAck = this.bytesIn;
    this.sendControl(MessageType.ACK, u32(this.bytesIn >>> 0));
  }

  private handleMessages(messages: RtmpMessage[]): void {
    for (const msg of messages) {
      switch (msg.typeId) {
        case MessageType.SET_CHUNK_SIZE:
          this.reader.chunkSize = Math.max(1, msg.payload.readUInt32BE(0) & 0x7fffffff);
          break;
        case MessageType.WINDOW_ACK_SIZE:
          this.peerWindow = msg.payload.readUInt32BE(0);
          break;
        case MessageType.AUDIO:
        case MessageType.VIDEO:
        case MessageType.DATA_AMF0:
          this.feed?.push(msg.typeId, msg.timestamp, msg.payload);
          break;
        case MessageType.COMMAND_AMF0:
        case MessageType.COMMAND_AMF3: {
          const body = msg.typeId === MessageType.COMMAND_AMF3 ? msg.payload.subarray(1) : msg.payload;
          const values = decodeAmf0(body);
          this.queue = this.queue.then(() => this.onCommand(values)).catch(() => this.close());
          break;
        }
        default:
          break;
      }
    }
  }

  private async onCommand(values: AmfValue[]): Promise<void> {
    if (this.closed) return;
    const [name, txId] = values as [string, number];
    switch (name) {
      case 'connect': {
        const obj = (values[2] ?? {}) as Record<string, AmfValue>;
        this.app = String(obj.app ?? '').replace(/\/$/, '');
        this.sendControl(MessageType.WINDOW_ACK_SIZE, u32(WINDOW_ACK_SIZE));
        this.sendControl(MessageType.SET_PEER_BANDWIDTH, Buffer.concat([u32(WINDOW_ACK_SIZE), Buffer.from([2])]));
        this.sendControl(MessageType.SET_CHUNK_SIZE, u32(OUT_CHUNK_SIZE));
        this.sendCommand(
          0,
          '_result',
          txId,
          { fmsVer: 'FMS/3,0,1,123', capabilities: 31 },
          {
            level: 'status',
            code: 'NetConnection.Connect.Success',
            description: 'Connection succeeded.',
            objectEncoding: 0,
          },
        );
        return;
      }
      case 'createStream':
        this.sendCommand(0, '_result', txId, null, STREAM_ID);
        return;
      case 'publish':
        return this.onPublish(String(values[3] ?? ''));
      case 'play':
        return this.onPlay(String(values[3] ?? ''));
      case 'deleteStream':
      case 'closeStream':
      case 'FCUnpublish':
        this.stopStream();
        return;
      default:
        // releaseStream, FCPublish, getStreamLength, _checkbw…: nothing to answer.
        return;
    }
  }

  private async onPublish(rawName: string): Promise<void> {
    if (this.feed) return this.refuse('NetStream.Publish.BadName', 'Already publishing');
    const name = rawName.split('?')[0];
    const feed = await this.host.startPublish(this, this.app, name);
    if (this.closed) {
      feed?.end();
      return;
    }
    if (!feed) return this.refuse('NetStream.Publish.BadName', 'Stream refused');
    this.feed = feed;
    this.sendUserControl(0, STREAM_ID);
    this.sendStatus('status', 'NetStream.Publish.Start', `${name} is now published.`);
  }

  private async onPlay(rawName: string): Promise<void> {
    const name = rawName.split('?')[0];
    const feed = await this.host.startPlay(this, this.app, name);
    if (this.closed) return;
    if (!feed) return this.refuse('NetStream.Play.StreamNotFound', 'No such stream');
    this.sendUserControl(0, STREAM_ID);
    this.sendStatus('status', 'NetStream.Play.Reset', 'Playing and resetting.');
    this.sendStatus('status', 'NetStream.Play.Start', 'Started playing.');
    this.send(CS.DATA, {
      typeId: MessageType.DATA_AMF0,
      streamId: STREAM_ID,
      timestamp: 0,
      payload: encodeAmf0('|RtmpSampleAccess', false, false),
    });
    this.unsubscribe = feed.subscribe((tag) => this.sendTag(tag));
    feed.onEnd(() => this.close());
  }

  private sendTag(tag: FlvTag): void {
    if (this.closed) return;
    const csid = tag.type === 8 ? CS.AUDIO : tag.type === 9 ? CS.VIDEO : CS.DATA;
    const typeId = tag.type === 18 ? MessageType.DATA_AMF0 : tag.type;
    this.send(csid, { typeId, streamId: STREAM_ID, timestamp: tag.timestamp, payload: tag.data });
  }

  private refuse(code: string, description: string): void {
    this.sendStatus('error', code, description);
    // Let the status reach the client before the socket goes away.
    this.socket.end();
    setTimeout(() => this.close(), 1000).unref();
  }

  private stopStream(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    const feed = this.feed;
    this.feed = null;
    feed?.end();
  }

  private onClose(): void {
    this.closed = true;
    this.stopStream();
  }

  private sendStatus(level: string, code: string, description: string): void {
    this.sendCommand(STREAM_ID, 'onStatus', 0, null, { level, code, description });
  }

  private sendCommand(streamId: number, ...values: AmfValue[]): void {
    this.send(CS.COMMAND, { typeId: MessageType.COMMAND_AMF0, streamId, timestamp: 0, payload: encodeAmf0(...values) });
  }

  private sendControl(typeId: number, payload: Buffer): void {
    this.send(CS.CONTROL, { typeId, streamId: 0, timestamp: 0, payload });
  }

  private sendUserControl(event: number, value: number): void {
    const payload = Buffer.alloc(6);
    payload.writeUInt16BE(event);
    payload.writeUInt32BE(value, 2);
    this.sendControl(MessageType.USER_CONTROL, payload);
  }

  private send(csid: number, msg: RtmpMessage): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(encodeChunks(csid, msg, OUT_CHUNK_SIZE));
  }

  /** Bytes queued towards a slow player: the server drops players that cannot keep up. */
  get backlog(): number {
    return this.socket.writableLength;
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

import { decodeAmf0, encodeAmf0, encodeAmf0EcmaArray, type AmfValue } from './amf0';
import { MessageType } from './rtmp-chunks';

/** An audio, video or script tag, as in FLV and RTMP media messages. */
export interface FlvTag {
  type: 8 | 9 | 18;
  timestamp: number;
  data: Buffer;
}

export type FeedSink = (tag: FlvTag) => void;

/** Keeps a late subscriber from buffering an unbounded GOP (a broken encoder sending no keyframes). */
const MAX_GOP_TAGS = 2000;

const isVideoKeyframe = (data: Buffer) => data.length > 0 && data[0] >> 4 === 1;
/** AVC/HEVC sequence header (decoder configuration), which every decoder needs first. */
const isVideoConfig = (data: Buffer) => data.length > 1 && (data[0] & 0x0f) === 7 && data[1] === 0;
const isAudioConfig = (data: Buffer) => data.length > 1 && data[0] >> 4 === 10 && data[1] === 0;

/**
 * One published stream as subscribers see it: the publisher pushes tags, subscribers
 * (the local muxer, the replay recorder, RTMP players such as a remote runner) get the
 * decoder configuration and the current GOP at once, then every tag live.
 */
export class LiveFeed {
  metadata: Record<string, AmfValue> | null = null;
  private videoConfig: FlvTag | null = null;
  private audioConfig: FlvTag | null = null;
  private gop: FlvTag[] = [];
  private readonly sinks = new Set<FeedSink>();
  private readonly endListeners: Array<() => void> = [];
  ended = false;
  /** Bytes of media received, for health checks and logs. */
  bytes = 0;

  constructor(
    readonly app: string,
    readonly name: string,
    /** Drops the publisher's connection (ban, duration limit, server shutdown). */
    readonly disconnect: () => void,
  ) {}

  get hasAudio(): boolean {
    return this.audioConfig !== null || (this.metadata ? 'audiocodecid' in this.metadata : false);
  }

  get hasVideo(): boolean {
    return this.videoConfig !== null || (this.metadata ? 'videocodecid' in this.metadata : false);
  }

  /**
   * Resolves once subscribers can start: metadata and the decoder configurations it
   * announces are in, or a keyframe arrived, or `timeoutMs` passed (odd encoders).
   */
  ready(timeoutMs = 3000): Promise<void> {
    const isReady = () => {
      if (this.ended || this.gop.length > 0) return true;
      if (!this.metadata) return false;
      return (!('videocodecid' in this.metadata) || !!this.videoConfig) && (!('audiocodecid' in this.metadata) || !!this.audioConfig);
    };
    return new Promise((resolve) => {
      const started = Date.now();
      const check = () => (isReady() || Date.now() - started > timeoutMs ? resolve() : setTimeout(check, 20));
      check();
    });
  }

  /** Source picture size and frame rate announced by the encoder (0 when unknown). */
  get source(): { width: number; height: number; fps: number } {
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
    return { width: num(this.metadata?.width), height: num(this.metadata?.height), fps: num(this.metadata?.framerate) };
  }

  /** A media or data message from the publisher. */
  push(typeId: number, timestamp: number, payload: Buffer): void {
    if (this.ended) return;
    let tag: FlvTag;
    if (typeId === MessageType.DATA_AMF0) {
      const meta = readMetadata(payload);
      if (!meta) return;
      this.metadata = meta;
      tag = { type: 18, timestamp: 0, data: Buffer.concat([encodeAmf0('onMetaData'), encodeAmf0EcmaArray(meta)]) };
    } else if (typeId === MessageType.AUDIO || typeId === MessageType.VIDEO) {
      tag = { type: typeId, timestamp, data: payload };
      this.bytes += payload.length;
      this.remember(tag);
    } else {
      return;
    }
    for (const sink of this.sinks) sink(tag);
  }

  private remember(tag: FlvTag): void {
    if (tag.type === 9 && isVideoConfig(tag.data)) {
      this.videoConfig = tag;
      return;
    }
    if (tag.type === 8 && isAudioConfig(tag.data)) {
      this.audioConfig = tag;
      return;
    }
    if (tag.type === 9 && isVideoKeyframe(tag.data)) this.gop = [];
    if (this.gop.length < MAX_GOP_TAGS) this.gop.push(tag);
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(sink: FeedSink): () => void {
    if (this.metadata)
      sink({ type: 18, timestamp: 0, data: Buffer.concat([encodeAmf0('onMetaData'), encodeAmf0EcmaArray(this.metadata)]) });
    if (this.videoConfig) sink({ ...this.videoConfig, timestamp: this.gop[0]?.timestamp ?? this.videoConfig.timestamp });
    if (this.audioConfig) sink({ ...this.audioConfig, timestamp: this.gop[0]?.timestamp ?? this.audioConfig.timestamp });
    for (const tag of this.gop) sink(tag);
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  onEnd(listener: () => void): void {
    if (this.ended) listener();
    else this.endListeners.push(listener);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.sinks.clear();
    for (const listener of this.endListeners) listener();
  }
}

/** `@setDataFrame onMetaData {…}` (encoders) or `onMetaData {…}` → the metadata object. */
function readMetadata(payload: Buffer): Record<string, AmfValue> | null {
  try {
    const values = decodeAmf0(payload);
    const at = values.indexOf('onMetaData');
    const meta = at >= 0 ? values[at + 1] : null;
    return meta && typeof meta === 'object' && !Array.isArray(meta) && !(meta instanceof Date) ? meta : null;
  } catch {
    return null;
  }
}

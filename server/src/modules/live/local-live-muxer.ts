import { spawn, type ChildProcess } from 'node:child_process';
import { buildLiveHlsArgs, ffmpegPath } from '@shoal/ffmpeg';
import { flvHeader, flvTag } from './rtmp/flv';
import type { LiveFeed } from './rtmp/live-feed';
import type { LiveMuxer, LiveMuxingSpec } from './live-muxer';

/** How long ffmpeg may take to flush its last segment after its input closed. */
const STOP_GRACE_MS = 5000;
/** Local lives run at a lower priority than the web process (PeerTube: nice 5). */
const LIVE_NICE = 5;

/** One ffmpeg per live, fed FLV on stdin straight from the RTMP feed (no socket hop, no buffering). */
export class LocalLiveMuxer implements LiveMuxer {
  private child: ChildProcess | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopping = false;
  private readonly listeners: Array<(error?: Error) => void> = [];
  private stderr = '';

  async start(feed: LiveFeed, spec: LiveMuxingSpec): Promise<void> {
    if (this.stopping || feed.ended) return;
    const args = buildLiveHlsArgs(spec);
    const at = args.indexOf('-f', args.indexOf('pipe:0'));
    // Continue numbering after a restart or a reconnection; mark the jump for players.
    args.splice(at, 0, '-start_number', String(spec.startNumber));
    args[args.indexOf('-hls_flags') + 1] += '+omit_endlist' + (spec.startNumber > 0 ? '+discont_start' : '');
    const child = spawn(ffmpegPath(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
    this.child = child;
    try {
      if (child.pid) (await import('node:os')).setPriority(child.pid, LIVE_NICE);
    } catch {
      // not allowed (container): keep the default priority
    }
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    child.stdin!.on('error', () => undefined);
    child.once('exit', (code, signal) => {
      this.unsubscribe?.();
      const failed = !this.stopping && (code !== 0 || signal !== null);
      const error = failed ? new Error(`ffmpeg exited with ${signal ?? code}: ${this.stderr.trim().split('\n').at(-1) ?? ''}`) : undefined;
      for (const listener of this.listeners) listener(error);
    });
    child.stdin!.write(flvHeader(feed.hasAudio, feed.hasVideo));
    let base: number | null = null;
    this.unsubscribe = feed.subscribe((tag) => {
      if (!child.stdin!.writable) return;
      // Timestamps from 0: a subscriber joining mid-stream would otherwise start late.
      if (base === null && tag.type !== 18) base = tag.timestamp;
      child.stdin!.write(flvTag(tag, base ?? 0));
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.unsubscribe?.();
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  onEnd(listener: (error?: Error) => void): void {
    this.listeners.push(listener);
  }
}

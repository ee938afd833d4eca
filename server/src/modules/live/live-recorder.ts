import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { flvHeader, flvTag } from './rtmp/flv';
import type { LiveFeed } from './rtmp/live-feed';

/** Folder of a session's recording (outside the served HLS tree). */
export function recordingDir(streamingPlaylistsDir: string, sessionId: number): string {
  return join(streamingPlaylistsDir, 'live-recordings', String(sessionId));
}

/** Recorded parts of a session, in order (one per publisher connection). */
export async function recordingParts(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => /^part-\d+\.flv$/.test(n))
    .sort((a, b) => parseInt(a.slice(5), 10) - parseInt(b.slice(5), 10))
    .map((n) => join(dir, n));
}

/**
 * Writes the incoming stream as received (FLV, original quality) for the replay: the
 * replay is transcoded from it by the VOD pipeline. FLV survives a crash: whatever was
 * written before a server restart stays readable.
 */
export class LiveRecorder {
  private out: WriteStream | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Bytes recorded by this recorder (the replay counts in the owner's quota). */
  bytes = 0;

  private stopped = false;

  async start(feed: LiveFeed, dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const part = (await recordingParts(dir)).length;
    // Stopped while the folder was being made (the encoder left at once): record nothing.
    if (this.stopped || feed.ended) return;
    const out = createWriteStream(join(dir, `part-${part}.flv`));
    out.on('error', () => this.stop());
    this.out = out;
    out.write(flvHeader(feed.hasAudio, feed.hasVideo));
    let base: number | null = null;
    this.unsubscribe = feed.subscribe((tag) => {
      if (base === null && tag.type !== 18) base = tag.timestamp;
      const chunk = flvTag(tag, base ?? 0);
      this.bytes += chunk.length;
      out.write(chunk);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    const out = this.out;
    this.out = null;
    if (out) await new Promise<void>((r) => out.end(() => r()));
  }
}

import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LIVE_MASTER = 'master.m3u8';
export const LIVE_SHA_FILE = 'segments-sha256.json';
const SEGMENT = /^(\d+)-(\d+)\.ts$/;
/** Safety net in case a file system event is missed (network file systems). */
const RESCAN_MS = 1000;

/** A live segment name → its rendition index and sequence number. */
export function parseSegmentName(name: string): { rendition: number; sequence: number } | null {
  const m = SEGMENT.exec(name);
  return m ? { rendition: Number(m[1]), sequence: Number(m[2]) } : null;
}

/**
 * Watches a live's HLS folder: each complete segment (ffmpeg renames it from `.tmp`)
 * gets its SHA-256 in `segments-sha256.json` (PeerTube's flat live shape), entries go
 * when the sliding window deletes a segment. The JSON is replaced atomically.
 */
export class LiveSegmentWatcher {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly hashes = new Map<string, string>();
  private scanning: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** Highest sequence number seen, to continue numbering after a restart. */
  lastSequence = -1;
  private readyFired = false;

  constructor(
    private readonly dir: string,
    private readonly onReady: () => void,
    private readonly onSegment: (name: string) => void = () => undefined,
  ) {}

  start(): void {
    this.watcher = watch(this.dir, () => this.scanSoon());
    this.watcher.on('error', () => undefined);
    this.timer = setInterval(() => this.scanSoon(), RESCAN_MS);
    this.scanSoon();
  }

  /** Rescans now and stops watching. */
  async close(): Promise<void> {
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    this.closed = true;
    await this.scanning;
    // Last hashes; the folder may already be gone (a session cut while ffmpeg exits).
    await this.scan().catch(() => undefined);
  }

  private scanSoon(): void {
    if (this.scanning) {
      this.again = true;
      return;
    }
    this.scanning = this.scan()
      .catch(() => undefined)
      .finally(() => {
        this.scanning = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.scanSoon();
        }
      });
  }

  private async scan(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const segments = names.filter((n) => parseSegmentName(n));
    let changed = false;
    for (const name of segments) {
      if (this.hashes.has(name)) continue;
      const data = await readFile(join(this.dir, name)).catch(() => null);
      if (!data) continue;
      this.hashes.set(name, createHash('sha256').update(data).digest('hex'));
      this.lastSequence = Math.max(this.lastSequence, parseSegmentName(name)!.sequence);
      changed = true;
      this.onSegment(name);
    }
    const present = new Set(segments);
    for (const name of [...this.hashes.keys()]) {
      if (!present.has(name)) {
        this.hashes.delete(name);
        changed = true;
      }
    }
    if (changed) await this.writeJson();
    if (!this.readyFired && names.includes(LIVE_MASTER) && this.hashes.size > 0 && (await this.listsASegment(names))) {
      this.readyFired = true;
      this.onReady();
    }
  }

  /** Ready = a rendition playlist already lists a segment (so a player gets something to play). */
  private async listsASegment(names: string[]): Promise<boolean> {
    for (const name of names.filter((n) => /^\d+\.m3u8$/.test(n))) {
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => '');
      if (/\.ts\s*$/m.test(text)) return true;
    }
    return false;
  }

  private async writeJson(): Promise<void> {
    const tmp = join(this.dir, `${LIVE_SHA_FILE}.tmp`);
    await writeFile(tmp, JSON.stringify(Object.fromEntries(this.hashes)));
    await rename(tmp, join(this.dir, LIVE_SHA_FILE));
  }
}

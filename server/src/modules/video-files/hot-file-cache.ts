import { readFile, stat } from 'node:fs/promises';

export interface HotFile {
  body: Buffer;
  mtimeMs: number;
}

interface Entry extends HotFile {
  /** When the file was last seen unchanged on disk. */
  checkedAt: number;
}

export interface HotFileCacheOptions {
  /** Memory the cache may hold; least recently served files go first. */
  maxBytes: number;
  /** Files above this size are never cached (they are served by streaming). */
  maxFileBytes: number;
  /**
   * How long a file that never changes under its name (a live segment) is served without
   * looking at the disk again. A stat per request was a quarter of the server's CPU with a
   * thousand viewers. Callers clear the cache when files move (privacy change, deletion).
   */
  trustMs: number;
}

/**
 * Live HLS files in memory. A thousand viewers of a live all fetch the same new segment within
 * a few seconds, and the playlist every segment; streamed from disk, each request costs an
 * open, a stat, reads and a close on libuv's four threads, and the queue behind them was the
 * p99 of the live viewers benchmark (seconds where a bare server took a few hundred ms).
 * Here each file is read once, then served from memory while its size and mtime hold
 * (checked at most every `trustMs` for immutable files, on every request for playlists).
 */
export class HotFileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<HotFile | null>>();
  private bytes = 0;

  constructor(
    private readonly opts: HotFileCacheOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The file's bytes, or null when it is missing, not a file or too large to cache.
   * `immutable`: the name always holds the same bytes (segments), so a recent check is enough.
   */
  async get(path: string, immutable = false): Promise<HotFile | null> {
    const trusted = immutable ? this.peek(path) : undefined;
    if (trusted) return trusted;
    const cached = this.entries.get(path);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.size > this.opts.maxFileBytes) {
      if (cached) this.drop(path, cached);
      return null;
    }
    if (cached && cached.mtimeMs === info.mtimeMs && cached.body.length === info.size) {
      cached.checkedAt = this.now();
      return this.touch(path, cached);
    }
    // Viewers arriving together wait for one read instead of each reading the file.
    let pending = this.reading.get(path);
    if (!pending) {
      pending = this.load(path, info.mtimeMs).finally(() => this.reading.delete(path));
      this.reading.set(path, pending);
    }
    return pending;
  }

  /** An immutable file checked recently enough to serve without touching the disk, synchronously. */
  peek(path: string): HotFile | undefined {
    const cached = this.entries.get(path);
    if (cached && this.now() - cached.checkedAt < this.opts.trustMs) return this.touch(path, cached);
    return undefined;
  }

  private async load(path: string, mtimeMs: number): Promise<HotFile | null> {
    const body = await readFile(path).catch(() => null);
    if (!body || body.length > this.opts.maxFileBytes) return null;
    const old = this.entries.get(path);
    if (old) this.drop(path, old);
    const entry: Entry = { body, mtimeMs, checkedAt: this.now() };
    this.entries.set(path, entry);
    this.bytes += body.length;
    // Map order is insertion order: the first entries are the least recently served.
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.drop(key, e);
    }
    return entry;
  }

  private touch(path: string, entry: Entry): Entry {
    this.entries.delete(path);
    this.entries.set(path, entry);
    return entry;
  }

  private drop(path: string, entry: Entry): void {
    this.entries.delete(path);
    this.bytes -= entry.body.length;
  }

  /** Forgets everything (files moved or deleted: nothing may be served from memory any more). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): { files: number; bytes: number } {
    return { files: this.entries.size, bytes: this.bytes };
  }
}

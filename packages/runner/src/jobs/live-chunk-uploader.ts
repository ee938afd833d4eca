import { watch, type FSWatcher } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunnerApiError, type RunnerFiles } from '@shoal/api-client';

/** Safety net next to inotify: a missed event costs at most this much latency. */
const RESCAN_MS = 150;
const ATTEMPTS = 3;
const RETRY_MS = 250;
const MASTER = 'master.m3u8';

/** One `update` of a live job (spec §10.3): the fields and the files to attach. */
export interface LiveUpdate {
  payload: { type: 'add-chunk' | 'remove-chunk'; videoChunkFilename: string; resolutionPlaylistFilename?: string };
  files: RunnerFiles;
}

/** Why the uploads stopped early: the job is gone (404) or no longer processing (400). */
export class LiveUploadStop extends Error {
  constructor(
    readonly reason: 'gone' | 'not-processing' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** Segment names listed in a media playlist, in order. */
export function listedSegments(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.endsWith('.ts') && !l.startsWith('#'));
}

/**
 * The playlist cut right after `segment`, so the server never lists a segment it does not
 * have yet; a finished playlist (`#EXT-X-ENDLIST`) is sent whole.
 */
export function truncateAfter(text: string, segment: string): string {
  if (text.includes('#EXT-X-ENDLIST')) return text;
  const lines = text.split(/\r?\n/);
  const at = lines.indexOf(segment);
  return at === -1 ? text : lines.slice(0, at + 1).join('\n') + '\n';
}

/** Upload state of one rendition playlist: chunks go one after another, in order. */
interface Rendition {
  name: string;
  sent: string[];
  busy: boolean;
  again: boolean;
}

/**
 * Watches ffmpeg's HLS folder and sends each segment as soon as its playlist lists it
 * (ffmpeg lists a segment only once it is closed): `add-chunk` with the playlist cut after
 * it, `remove-chunk` when the window drops it. Renditions upload in parallel; the master
 * goes along once every rendition has a chunk on the server.
 */
export class LiveChunkUploader {
  private readonly renditions: Rendition[];
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private masterSent: string | null = null;
  private failure: LiveUploadStop | null = null;
  private readonly idle = new Set<() => void>();
  uploaded = 0;

  /**
   * @param dir ffmpeg's HLS output folder
   * @param scratch another folder, for the cut playlists being sent
   */
  constructor(
    private readonly dir: string,
    private readonly scratch: string,
    count: number,
    private readonly send: (update: LiveUpdate) => Promise<void>,
    private readonly onStop: (error: LiveUploadStop) => void,
  ) {
    this.renditions = Array.from({ length: count }, (_, i) => ({ name: `${i}.m3u8`, sent: [], busy: false, again: false }));
  }

  start(): void {
    this.watcher = watch(this.dir, () => this.kick());
    this.watcher.on('error', () => undefined);
    this.timer = setInterval(() => this.kick(), RESCAN_MS);
  }

  /** Stops watching after sending whatever ffmpeg left listed. */
  async flush(): Promise<void> {
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    this.kick();
    await new Promise<void>((resolve) => {
      const check = () => {
        if (this.renditions.every((r) => !r.busy)) {
          this.idle.delete(check);
          resolve();
        }
      };
      this.idle.add(check);
      check();
    });
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
  }

  private kick(): void {
    for (const r of this.renditions) {
      if (r.busy) r.again = true;
      else void this.drain(r);
    }
  }

  private async drain(r: Rendition): Promise<void> {
    r.busy = true;
    try {
      do {
        r.again = false;
        while (!this.failure && (await this.step(r)));
      } while (r.again && !this.failure);
    } catch (err) {
      this.failure ??= err instanceof LiveUploadStop ? err : new LiveUploadStop('failed', (err as Error).message);
      this.onStop(this.failure);
    } finally {
      r.busy = false;
      for (const cb of [...this.idle]) cb();
    }
  }

  /** Sends one update for this rendition if something is due; false when up to date. */
  private async step(r: Rendition): Promise<boolean> {
    const text = await readFile(join(this.dir, r.name), 'utf8').catch(() => null);
    if (text === null) return false;
    const listed = listedSegments(text);
    const next = listed.find((s) => !r.sent.includes(s));
    if (next) {
      const chunk = join(this.dir, next);
      const playlist = join(this.scratch, `${r.name}.add`);
      await writeFile(playlist, truncateAfter(text, next));
      const files: RunnerFiles = { 'payload[videoChunkFile]': chunk, 'payload[resolutionPlaylistFile]': playlist };
      const master = await this.masterFor(r);
      if (master) files['payload[masterPlaylistFile]'] = master.path;
      const ok = await this.sendWithRetries({
        payload: { type: 'add-chunk', videoChunkFilename: next, resolutionPlaylistFilename: r.name },
        files,
      }).catch((err) => {
        // ffmpeg already slid it out and deleted it: nothing to send, the window moves on.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      });
      r.sent.push(next);
      if (ok) this.uploaded++;
      if (ok && master) this.masterSent = master.text;
      return true;
    }
    const gone = r.sent.find((s) => !listed.includes(s));
    if (!gone) return false;
    const last = r.sent.at(-1)!;
    if (listed.includes(last)) {
      const playlist = join(this.scratch, `${r.name}.remove`);
      await writeFile(playlist, truncateAfter(text, last));
      await this.sendWithRetries({
        payload: { type: 'remove-chunk', videoChunkFilename: gone, resolutionPlaylistFilename: r.name },
        files: { 'payload[resolutionPlaylistFile]': playlist },
      });
    } else {
      // Everything sent slid out (uploads fell behind): no playlist that lists only what the server has.
      await this.sendWithRetries({ payload: { type: 'remove-chunk', videoChunkFilename: gone }, files: {} });
    }
    r.sent.splice(r.sent.indexOf(gone), 1);
    return true;
  }

  /** The master, once every other rendition has a chunk on the server (this one gets it now). */
  private async masterFor(r: Rendition): Promise<{ path: string; text: string } | null> {
    if (!this.renditions.every((o) => o === r || o.sent.length > 0)) return null;
    const path = join(this.dir, MASTER);
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null || text === this.masterSent) return null;
    const copy = join(this.scratch, `${MASTER}.${r.name}`);
    await writeFile(copy, text);
    return { path: copy, text };
  }

  private async sendWithRetries(update: LiveUpdate): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.send(update);
        return true;
      } catch (err) {
        if (err instanceof RunnerApiError && err.status === 404) throw new LiveUploadStop('gone', 'The server no longer knows this job');
        if (err instanceof RunnerApiError && err.code === 'runner_job_not_in_processing_state') {
          throw new LiveUploadStop('not-processing', 'The job is not processing anymore');
        }
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || attempt >= ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  }
}

import { readFileSync, statSync } from 'node:fs';

/**
 * The client's index.html, kept in memory and re-read when the file changes, so that
 * rebuilding the client while the server runs needs no restart.
 */
export class ClientIndex {
  private cached: { html: string; mtimeMs: number } | null = null;

  constructor(private readonly path: string) {}

  /** The page, or null when the client is not built. */
  read(): string | null {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      this.cached = null;
      return null;
    }
    if (!this.cached || this.cached.mtimeMs !== mtimeMs) this.cached = { html: readFileSync(this.path, 'utf8'), mtimeMs };
    return this.cached.html;
  }
}

/** What the display needs to know of a job in progress. */
export interface JobProgress {
  uuid: string;
  type: string;
  /** 0–100 */
  progress: number;
  startedAt: number;
}

const BAR_WIDTH = 20;

/** `[########------------]  40%` */
export function progressBar(percent: number): string {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = Math.round((clamped / 100) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(clamped).padStart(3)}%`;
}

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One line per running job, or a waiting line: what an operator watching the terminal sees. */
export function progressLines(jobs: JobProgress[], now: number): string[] {
  if (jobs.length === 0) return ['waiting for jobs…'];
  return jobs.map((j) => `${j.uuid.slice(0, 8)} ${j.type.padEnd(28)} ${progressBar(j.progress)} ${elapsed(now - j.startedAt)}`);
}

/** The quarter (0–4) a progress falls in; a line is logged when it changes, for non-terminal output. */
export function progressQuarter(percent: number): number {
  return Math.floor(Math.max(0, Math.min(100, percent)) / 25);
}

/**
 * Live status lines at the bottom of an interactive terminal. Log lines are written above them:
 * `clear` before a log line, `draw` after it, so both stay readable.
 */
export class StatusLines {
  private drawn = 0;
  private lines: string[] = [];

  constructor(private readonly out: { write(s: string): unknown; columns?: number }) {}

  show(lines: string[]): void {
    this.clear();
    this.lines = lines;
    this.draw();
  }

  clear(): void {
    if (this.drawn === 0) return;
    // Up to the first status line, then erase to the end of the screen.
    this.out.write(`\r${this.drawn > 1 ? `\x1b[${this.drawn - 1}A` : ''}\x1b[J`);
    this.drawn = 0;
  }

  draw(): void {
    if (this.lines.length === 0) return;
    const width = this.out.columns ?? 100;
    this.out.write(this.lines.map((l) => (l.length > width - 1 ? l.slice(0, width - 1) : l)).join('\n'));
    this.drawn = this.lines.length;
  }
}

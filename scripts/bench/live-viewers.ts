/**
 * Simulated HLS viewers (child process of scripts/bench/live.ts): each viewer fetches the
 * media playlist every segment duration and then every segment it has not fetched yet, as
 * a player does. Prints one JSON line: fetch times in ms, error count, bytes read.
 *
 *   node --import tsx scripts/bench/live-viewers.ts '{"playlistUrl":…,"viewers":500,"seconds":30,"segmentDuration":4}'
 */

interface ViewerOptions {
  playlistUrl: string;
  viewers: number;
  seconds: number;
  segmentDuration: number;
}

export interface ViewerResult {
  segmentMs: number[];
  playlistMs: number[];
  errors: number;
  bytes: number;
  /** Largest event loop delay seen by the client process itself (ms): a busy client inflates its own figures. */
  clientLagMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timedGet(url: string): Promise<{ ms: number; body: Buffer } | null> {
  const start = performance.now();
  try {
    const res = await fetch(url);
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) return null;
    return { ms: performance.now() - start, body };
  } catch {
    return null;
  }
}

async function viewer(o: ViewerOptions, until: number, out: ViewerResult): Promise<void> {
  // Viewers arrive spread over one segment duration, as real ones do not poll in step.
  await sleep(Math.random() * o.segmentDuration * 1000);
  const seen = new Set<string>();
  let first = true;
  while (Date.now() < until) {
    const tick = Date.now();
    const playlist = await timedGet(o.playlistUrl);
    if (!playlist) out.errors++;
    else {
      out.playlistMs.push(playlist.ms);
      const segments = playlist.body
        .toString()
        .split('\n')
        .filter((l) => l.endsWith('.ts'));
      // A player joining starts at the live edge: only the newest segment, the older ones are skipped.
      const wanted = first ? segments.slice(-1) : segments.filter((s) => !seen.has(s));
      if (first) for (const s of segments) seen.add(s);
      first = false;
      for (const name of wanted) {
        seen.add(name);
        const seg = await timedGet(new URL(name, o.playlistUrl).toString());
        if (!seg) out.errors++;
        else {
          out.segmentMs.push(seg.ms);
          out.bytes += seg.body.length;
        }
      }
    }
    await sleep(Math.max(0, o.segmentDuration * 1000 - (Date.now() - tick)));
  }
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]!) as ViewerOptions;
  const out: ViewerResult = { segmentMs: [], playlistMs: [], errors: 0, bytes: 0, clientLagMs: 0 };
  let last = performance.now();
  const lag = setInterval(() => {
    const now = performance.now();
    out.clientLagMs = Math.max(out.clientLagMs, now - last - 100);
    last = now;
  }, 100);
  const until = Date.now() + o.seconds * 1000;
  await Promise.all(Array.from({ length: o.viewers }, () => viewer(o, until, out)));
  clearInterval(lag);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

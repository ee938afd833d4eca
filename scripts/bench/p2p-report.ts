import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface SwarmFigures {
  /** "VOD", "live (default latency)"… */
  kind: string;
  clip: string;
  viewers: number;
  /** Segment bytes the viewers after the seeder got from peers / over HTTP, summed. */
  p2pBytes: number;
  httpBytes: number;
  /** Per viewer share from peers, in %. */
  perViewer: number[];
  target: number;
}

export interface WebClientFigures {
  fcpMs: number[];
  initialJsGzBytes: number;
  initialJsFiles: number;
}

const P2P = { start: '<!-- bench:p2p:start -->', end: '<!-- bench:p2p:end -->' };
const WEB = { start: '<!-- bench:web-client:start -->', end: '<!-- bench:web-client:end -->' };

const P2P_INTRO = `## P2P (\`scripts/bench/p2p\`)

How to run (PostgreSQL and Redis up; builds the server and the client if needed; Chromium):

\`\`\`
scripts/bench/p2p                 # updates this file
scripts/bench/p2p --no-write
\`\`\`

It starts a real server through the test harness (test ladder 144p + 240p, tracker on, no
STUN servers), uploads a clip and waits until it is published. One viewer (a headless
Chromium context) plays it first and keeps the page open; then four more viewers, each in
its own browser context, open the watch page together and play until their player buffered
the whole clip (lives: for a fixed time). Each player publishes its own counters (bytes from
the server, bytes from peers, peers; \`data-p2p-*\` on the player, the stats panel shows the
same). The figure is the share of the four viewers' segment bytes that came from peers.
Targets: at least 60 % for a VOD, 40 % for a default-latency live. All browsers run on one
machine, so WebRTC uses host candidates (\`--disable-features=WebRtcHideLocalIpsWithMdns\`).

`;

const WEB_INTRO = `## Web client (\`scripts/bench/p2p\`, same run)

First contentful paint of the watch page of a published video (fresh browser context per
load, so nothing is cached; \`performance.getEntriesByName('first-contentful-paint')\`),
headless Chromium against the same local server, median of the loads; and the size of the
initial JavaScript of \`client/dist\` (the scripts and module preloads that \`index.html\`
loads before any route chunk), each file gzipped (level 9) and summed. Targets: FCP under
1.5 s, initial JavaScript under 500 kB gzipped. The player and p2p-media-loader are route
chunks: they load with the watch and embed pages only, p2p-media-loader only when the video
may use P2P.

`;

function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a';
}

function p2pBlock(machine: string, swarms: SwarmFigures[], notes: string[]): string {
  const rows = swarms.map(
    (s) =>
      `| ${s.kind} | ${s.clip} | ${s.viewers} | ${(s.p2pBytes / 1e6).toFixed(2)} MB | ${(s.httpBytes / 1e6).toFixed(2)} MB | ` +
      `**${pct(s.p2pBytes, s.p2pBytes + s.httpBytes)}** | ${s.perViewer.map((v) => `${v.toFixed(0)} %`).join(', ')} | ≥ ${s.target} % |`,
  );
  return [
    P2P.start,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machine}.`,
    '',
    '| stream | clip | viewers after the seeder | from peers | from the server | share from peers | per viewer | target |',
    '|---|---|---:|---:|---:|---:|---|---|',
    ...rows,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    P2P.end,
  ].join('\n');
}

function webBlock(machine: string, web: WebClientFigures): string {
  const sorted = [...web.fcpMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return [
    WEB.start,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machine}.`,
    '',
    '| figure | value | target |',
    '|---|---:|---|',
    `| first contentful paint, watch page (median of ${sorted.length}) | ${median.toFixed(0)} ms | < 1500 ms |`,
    `| FCP of each load | ${web.fcpMs.map((v) => v.toFixed(0)).join(', ')} ms | |`,
    `| initial JavaScript, gzipped (${web.initialJsFiles} files) | ${(web.initialJsGzBytes / 1000).toFixed(1)} kB | < 500 kB |`,
    WEB.end,
  ].join('\n');
}

/** Replaces (or appends) one marked section of docs/benchmarks.md, leaving the others alone. */
function replaceSection(text: string, marks: { start: string; end: string }, intro: string, block: string): string {
  const start = text.indexOf(marks.start);
  const end = text.indexOf(marks.end);
  if (start >= 0 && end > start) return text.slice(0, start) + block + text.slice(end + marks.end.length);
  return `${text.trimEnd()}\n\n${intro}${block}\n`;
}

export function writeP2PReport(file: string, machine: string, swarms: SwarmFigures[], notes: string[], web: WebClientFigures | null): void {
  // Re-read right before writing: other benchmarks own other sections of the same file.
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (swarms.length) text = replaceSection(text, P2P, P2P_INTRO, p2pBlock(machine, swarms, notes));
  if (web) text = replaceSection(text, WEB, WEB_INTRO, webBlock(machine, web));
  writeFileSync(file, text);
}

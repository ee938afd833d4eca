import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';

export interface BenchRow {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time of the server process per request, in µs (Linux). */
  cpuUsPerRequest?: number;
}

const START = '<!-- bench:api:start -->';
const END = '<!-- bench:api:end -->';

const HEADER = `# Benchmarks

Figures depend on the machine, so every table says where it was measured, and each run
also loads a bare \`node:http\` server answering a fixed body of the same size: the
"% of baseline" column is what to compare between machines.

## API (\`scripts/bench/api\`)

How to run (PostgreSQL and Redis up, e.g. with \`scripts/up\`; the script builds if needed):

\`\`\`
scripts/bench/api                      # 10 s per target, 50 connections, updates this file
scripts/bench/api --duration 5 --no-write
\`\`\`

It starts a real server (test harness, own database and Redis prefix, log level warn, API
rate limit raised), creates 30 channels over 6 users with avatars, then runs autocannon
against the baseline, \`GET /api/v1/config\` and \`GET /api/v1/video-channels\` (default page
of 15), one after the other. Target for the channel list on a 2-core machine:
at least 2,000 requests/s with p99 under 50 ms.

`;

export function machineInfo(): string {
  const cpu = cpus();
  // The load average tells whether other work shared the machine during the run.
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}, load average ${loadavg()[0].toFixed(2)} at start`;
}

function section(args: { machine: string; rows: BenchRow[]; opts: { duration: number; connections: number }; bodyBytes: number }): string {
  const base = args.rows[0].requestsPerSec;
  const table = args.rows.map(
    (r) =>
      `| ${r.name} | ${r.requestsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${((r.requestsPerSec / base) * 100).toFixed(1)} % | ` +
      `${r.cpuUsPerRequest === undefined ? '?' : r.cpuUsPerRequest.toFixed(0)} | ${r.failures} |`,
  );
  return [
    START,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${args.machine} — ${args.opts.connections} connections, ` +
      `${args.opts.duration} s per target, channel list body ${args.bodyBytes} bytes.`,
    '',
    '| target | req/s | p50 ms | p99 ms | of baseline | server CPU µs/req | failures |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...table,
    END,
  ].join('\n');
}

/** Creates docs/benchmarks.md if needed and replaces the API section's figures. */
export function writeReport(file: string, args: Parameters<typeof section>[0]): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const block = section(args);
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  text = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

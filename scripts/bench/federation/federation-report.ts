import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../test/shared/server-process';

export interface FederationFigures {
  date: string;
  machine: string;
  followers: number;
  deliveries: number;
  verified: number;
  deliveryWindowMs: number;
  deliveriesPerSecond: number;
  uploadToLastDeliveryMs: number;
  views: number;
  viewsSentMs: number;
  viewRequests: number;
  viewsCarried: number;
  batchSeconds: number;
}

const START = '<!-- federation-bench:start -->';
const END = '<!-- federation-bench:end -->';

function block(f: FederationFigures): string {
  return [
    START,
    '## Federation (`scripts/bench/federation/run`)',
    '',
    `One Shoal instance, ${f.followers} followers of one channel, each a Person with its own inbox (no shared inbox, so`,
    'every follower costs one POST) in another local Node process that verifies every HTTP signature against the',
    "sender's published key. A video is uploaded and published; the channel's and the instance actor's `Announce`",
    `each reach every follower. Then ${f.views} views (distinct sessions) of a remote video are counted and batched into`,
    `\`View\` activities for its origin (batch window ${f.batchSeconds} s in this run, \`views.videos.remote_batch_interval\`).`,
    '',
    `Measured ${f.date} on ${f.machine}.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| deliveries for one new video | ${f.deliveries} (${f.verified} with a valid signature) |`,
    `| first → last delivery | ${f.deliveryWindowMs} ms |`,
    `| deliveries per second | ${f.deliveriesPerSecond} |`,
    `| upload started → last delivery (includes transcoding) | ${f.uploadToLastDeliveryMs} ms |`,
    `| views sent to the API | ${f.views} in ${f.viewsSentMs} ms |`,
    `| requests to the origin for those views | ${f.viewRequests} (carrying ${f.viewsCarried} views) |`,
    '',
    'PeerTube sends one `View` per view, so the same views would cost it as many requests as views.',
    END,
  ].join('\n');
}

/** Writes or replaces the Federation section of docs/benchmarks.md; other sections stay as they are. */
export function writeFederationReport(figures: FederationFigures, file = join(REPO_ROOT, 'docs/benchmarks.md')): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const section = block(figures);
  text = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}

/**
 * Federation benchmark (scripts/bench/federation): one Shoal instance delivers one new video to
 * N follower inboxes hosted by another Node process (followers-host.ts, which verifies every
 * signature), then counts the requests it sends to a remote origin for V views of its video.
 *
 *   scripts/bench/federation/run [--followers 50] [--views 1000] [--no-write]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { makeClip } from '../../../test/shared/media';
import { REPO_ROOT, TestServer } from '../../../test/shared/server-process';
import { waitFor } from '../../../test/shared/wait-for';
import { uploadAndWait } from '../../../test/videos/published';
import { machineInfo } from '../report';
import { writeFederationReport, type FederationFigures } from './federation-report';

interface Stats {
  deliveries: number;
  verified: number;
  rejected: number;
  byType: Record<string, number>;
  firstAt: number;
  lastAt: number;
  viewRequests: number;
  viewsCarried: number;
}

function parseArgs(argv: string[]) {
  const opts = { followers: 50, views: 1000, write: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--followers') opts.followers = Number(argv[++i]);
    else if (argv[i] === '--views') opts.views = Number(argv[++i]);
    else if (argv[i] === '--no-write') opts.write = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

async function startFollowersHost(n: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'followers-host.ts'), String(n)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((ok) => createInterface({ input: child.stdout! }).once('line', ok));
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await fetch(`${origin}${path}`, { method, body: body ? JSON.stringify(body) : undefined })).json() as Promise<T>;
  return { origin, child, call };
}

/** Sends `total` views with distinct sessions, `parallel` at a time. */
async function sendViews(server: TestServer, uuid: string, total: number, parallel = 20): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) {
        const i = next++;
        await server.anonymous().expect(204, 'POST', `/api/v1/videos/${uuid}/views`, { json: { currentTime: 1, sessionId: `bench-${i}` } });
      }
    }),
  );
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const host = await startFollowersHost(opts.followers);
  const batch = 2;
  const server = await new TestServer({ configYaml: `views:\n  videos:\n    remote_batch_interval: '${batch} seconds'\n` }).start();
  try {
    await server.admin.createUser({ username: 'bench_alice', password: 'bench-password', email: 'a@example.com', role: 2 });
    const alice = await server.admin.as('bench_alice', 'bench-password');
    const channel = `${server.url}/video-channels/bench_alice_channel`;
    const { video: originVideo } = await host.call<{ video: string }>('POST', '/control/follow', {
      target: channel,
      inbox: `${channel}/inbox`,
    });
    await waitFor(
      async () =>
        (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`))[0].n >= opts.followers,
      { timeout: 120_000, what: `${opts.followers} accepted follows` },
    );
    const me = (await alice.api<{ videoChannels: Array<{ id: number }> }>('GET', '/users/me')).body;
    const clip = await makeClip({ seconds: 2, width: 320, height: 240 });
    await host.call('POST', '/control/reset');
    const uploadStarted = Date.now();
    await uploadAndWait(alice, clip, { channelId: me.videoChannels[0].id, name: 'Bench video', privacy: 1 });
    // The channel's Announce and the instance actor's Announce each reach every follower inbox.
    const expected = opts.followers * 2;
    const delivered = await waitFor(
      async () => {
        const s = await host.call<Stats>('GET', '/stats');
        return s.verified + s.rejected >= expected ? s : null;
      },
      { timeout: 300_000, interval: 200, what: `${expected} deliveries` },
    );
    const windowMs = Math.max(1, delivered.lastAt - delivered.firstAt);

    await host.call('POST', '/control/reset');
    const search = await alice.api<{ data: Array<{ uuid: string }> }>('GET', '/search/videos', { query: { search: originVideo } });
    const remoteUuid = search.body.data[0].uuid;
    const viewsStarted = Date.now();
    await sendViews(server, remoteUuid, opts.views);
    const viewsSentMs = Date.now() - viewsStarted;
    const views = await waitFor(
      async () => {
        const s = await host.call<Stats>('GET', '/stats');
        return s.viewsCarried >= opts.views ? s : null;
      },
      { timeout: 120_000, interval: 200, what: 'views at the origin' },
    );

    const figures: FederationFigures = {
      date: new Date().toISOString().slice(0, 10),
      machine: machineInfo(),
      followers: opts.followers,
      deliveries: delivered.verified + delivered.rejected,
      verified: delivered.verified,
      deliveryWindowMs: windowMs,
      deliveriesPerSecond: Math.round(((delivered.verified + delivered.rejected) / windowMs) * 1000),
      uploadToLastDeliveryMs: delivered.lastAt - uploadStarted,
      views: opts.views,
      viewsSentMs,
      viewRequests: views.viewRequests,
      viewsCarried: views.viewsCarried,
      batchSeconds: batch,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    if (opts.write) writeFederationReport(figures);
  } finally {
    await server.destroy();
    host.child.kill();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

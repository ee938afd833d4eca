import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { FEDERATION_TEST_CONFIG, remoteVideo } from '../federation/objects/objects-fixtures';
import { makeClip } from '../shared/media';
import { ADMIN_PASSWORD, startServers, type TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { assertClientBuilt, launchBrowser, screenshot, waitForPlayback } from './shared/browser';
import { apiUpload, waitPublished } from './shared/fixtures';
import { LOCAL_WEBRTC_FLAGS, openAndPlay, waitForP2PStats } from './shared/p2p';
import { loginThroughUi } from './shared/session';

/**
 * A video uploaded on A, seen through B's web client: B follows A's instance, and the watch page
 * on B must play the video from A's HLS files (cross-origin, as PeerTube does).
 */
describe('Federated playback (Chromium, two instances)', function () {
  this.timeout(300_000);
  let a: TestServer, b: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let uuid = '';
  let shortUUID = '';

  before(async () => {
    assertClientBuilt();
    [[a, b], browser] = await Promise.all([startServers(2, { configYaml: FEDERATION_TEST_CONFIG }), launchBrowser(LOCAL_WEBRTC_FLAGS)]);
    await b.admin.expect(204, 'POST', '/api/v1/server/following', { json: { hosts: [a.host] } });
    await waitFor(
      async () => {
        const [row] = await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`);
        return row.n >= 1;
      },
      { timeout: 60_000, what: 'B follows A' },
    );
    const clip = await makeClip({ seconds: 24 });
    const video = await apiUpload(a.admin, clip, { name: 'Clip from A', privacy: 1 });
    const published = await waitPublished(a.admin, video.id, 120_000);
    uuid = published.uuid;
    shortUUID = video.shortUUID;
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  it('plays a video of A on B’s watch page, streaming its segments from A', async () => {
    const onB = await remoteVideo(b, uuid);
    assert.equal(onB.isLocal, false);

    // Logged in on B: B's token must never be sent to A.
    const { context, page } = await loginThroughUi(browser, b.url, 'root', ADMIN_PASSWORD);
    contexts.push(context);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const requests: Request[] = [];
    page.on('request', (req) => requests.push(req));
    const failed: string[] = [];
    page.on('requestfailed', (req) => failed.push(`${req.url()} ${req.failure()?.errorText ?? ''}`));

    await openAndPlay(page, `${b.url}/w/${shortUUID}`);
    await page.getByRole('heading', { name: 'Clip from A' }).waitFor();
    const first = await waitForPlayback(page, 0.5, 60_000);
    // currentTime keeps advancing: the player keeps fetching segments, not just the first one.
    await waitForPlayback(page, first + 1, 30_000);
    await screenshot(page, 'federation-remote-watch');

    const hls = requests.map((r) => r.url()).filter((u) => u.includes('/static/streaming-playlists/hls/'));
    assert.ok(hls.length > 0, 'the player fetched HLS files');
    for (const url of hls) assert.ok(url.startsWith(`${a.url}/`), `HLS request not to A's origin: ${url}`);
    assert.ok(
      hls.some((u) => /\.(mp4|m4s)(\?|$)/.test(u)),
      `segments were fetched from A (${hls.join(', ')})`,
    );
    assert.ok(!requests.some((r) => r.url().startsWith(`${b.url}/static/streaming-playlists/`)), 'nothing streamed from B');
    const leaked = requests.filter((r) => r.url().startsWith(`${a.url}/`) && r.headers()['authorization']);
    assert.deepEqual(
      leaked.map((r) => r.url()),
      [],
      'no credentials of B sent to A',
    );
    assert.deepEqual(
      failed.filter((f) => f.includes('/static/')),
      [],
      'no failed static request (CORS)',
    );
    assert.deepEqual(errors, []);
  });

  it('lets a second viewer on B get the remote video from the first over WebRTC, checked with A’s segment hashes', async () => {
    const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    const hashRequests: string[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('-segments-sha256.json')) hashRequests.push(`${res.status()} ${res.url()}`);
    });
    await openAndPlay(page, `${b.url}/w/${shortUUID}`);
    const stats = await waitForP2PStats(page, (s) => s.p2pBytes > 0, 60_000);
    assert.ok(stats.peers >= 1, `peers: ${stats.peers}`);
    await waitForPlayback(page, 1, 30_000);
    assert.ok(hashRequests.length > 0, 'the segment hashes were loaded');
    for (const r of hashRequests) assert.ok(r.startsWith(`200 ${a.url}/static/streaming-playlists/hls/`), r);
  });
});

import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LiveLatencyMode } from '@shoal/models';
import { createLive, publishUrl, pushRtmp } from '../live/live-fixtures';
import { makeClip } from '../shared/media';
import { ADMIN_PASSWORD, freePort, TestServer } from '../shared/server-process';
import { assertClientBuilt, launchBrowser, screenshot, waitForPlayback } from './shared/browser';
import { apiUpload, waitPublished } from './shared/fixtures';
import { loginThroughUi } from './shared/session';
import { LOCAL_WEBRTC_FLAGS, openAndPlay, readP2PStats, waitForP2PStats } from './shared/p2p';

describe('Peer-to-peer playback (Chromium, WebRTC)', function () {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const encoders: ChildProcess[] = [];
  let watchUrl = '';

  /** Each viewer is its own browser context: separate storage, separate WebRTC peer. */
  async function viewer(storage: Record<string, string> = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
    contexts.push(context);
    await context.addInitScript((items) => {
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    }, storage);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('[page error]', err.message));
    return page;
  }

  before(async () => {
    assertClientBuilt();
    browser = await launchBrowser(LOCAL_WEBRTC_FLAGS);
    const rtmpPort = await freePort();
    server = await new TestServer({
      configYaml: `live:\n  enabled: true\n  reconnect_grace_period: '2 seconds'\n  rtmp:\n    port: ${rtmpPort}\n`,
    }).start();
    // Long enough for several 4 s segments per rendition; the test ladder is 144p + 240p.
    const clip = await makeClip({ seconds: 24 });
    const video = await apiUpload(server.admin, clip, { name: 'Shared clip', privacy: 1 });
    await waitPublished(server.admin, video.id, 120_000);
    watchUrl = `${server.url}/w/${video.shortUUID}`;
  });

  after(async () => {
    for (const encoder of encoders) encoder.kill('SIGKILL');
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.destroy();
  });

  it('lets a second viewer get segments from the first one over WebRTC', async () => {
    const seeder = await viewer();
    await openAndPlay(seeder, watchUrl);
    await waitForPlayback(seeder, 0.5, 30_000);
    const seeded = await waitForP2PStats(seeder, (s) => s.mode === 'on' && s.httpBytes > 0);
    assert.equal(seeded.p2pBytes, 0, 'the first viewer has nobody to get segments from');

    const second = await viewer();
    await openAndPlay(second, watchUrl);
    const stats = await waitForP2PStats(second, (s) => s.p2pBytes > 0, 60_000);
    await waitForPlayback(second, 1, 30_000);
    assert.ok(stats.peers >= 1, `peer count: ${stats.peers}`);
    const seederAfter = await readP2PStats(seeder);
    assert.ok(seederAfter.uploadedBytes > 0, 'the first viewer sent segments');

    // The stats panel shows the same figures to the viewer.
    await second.locator('.vjs-p2p-menu button').first().click();
    await second.getByRole('menuitemradio', { name: 'Show statistics' }).click();
    await second.locator('.vjs-p2p-stats').getByText('From peers').waitFor();
    await screenshot(second, 'p2p-stats');
  });

  it('stays on HTTP for a viewer who turned P2P off', async () => {
    const page = await viewer({ 'shoal-p2p-enabled': 'false' });
    await openAndPlay(page, watchUrl);
    await waitForPlayback(page, 1, 30_000);
    const stats = await waitForP2PStats(page, (s) => s.httpBytes > 0);
    assert.equal(stats.mode, 'off');
    assert.equal(stats.p2pBytes, 0);
  });

  it('waits for a small-latency live, plays it over HTTP only with the live controls, then shows its end', async () => {
    const channelId = (await server.admin.me()).videoChannels[0]!.id;
    const live = await createLive(server.admin, { channelId, name: 'Quick live', privacy: 1, latencyMode: LiveLatencyMode.SMALL_LATENCY });
    // The owner: the videos module shows a live to others only while it streams.
    const { context, page } = await loginThroughUi(browser, server.url, 'root', ADMIN_PASSWORD);
    contexts.push(context);
    await page.goto(`${server.url}/w/${live.shortUUID}`);
    await page.getByText('This live has not started yet').waitFor();

    const encoder = pushRtmp(await publishUrl(server.admin, live.id), { seconds: 90, height: 144 });
    encoders.push(encoder);
    // The page polls the video and swaps the waiting screen for the player by itself.
    await page.locator('.vjs-big-play-button').click({ timeout: 60_000 });
    await waitForPlayback(page, 0.5, 30_000);
    await page.locator('.vjs-live-badge', { hasText: 'LIVE' }).waitFor();
    const stats = await waitForP2PStats(page, (s) => s.httpBytes > 0);
    assert.equal(stats.mode, 'unavailable', 'no P2P for a small-latency live');
    assert.equal(stats.p2pBytes, 0);

    // Far behind the live edge, the viewer is offered to jump back to it (once the window is long enough).
    await page.waitForFunction(() => {
      const seekable = document.querySelector('video')!.seekable;
      return seekable.length > 0 && seekable.end(0) - seekable.start(0) >= 8;
    });
    await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.currentTime = video.seekable.start(0) + 0.5;
    });
    await page.getByRole('button', { name: 'Back to live' }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Back to live' }).waitFor({ state: 'hidden', timeout: 15_000 });
    await screenshot(page, 'live-playing');

    encoder.kill('SIGKILL');
    await page.getByText('This live has ended').waitFor({ timeout: 60_000 });
  });
});

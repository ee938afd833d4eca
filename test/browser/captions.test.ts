import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ShoalClient } from '@shoal/api-client';
import { makeClip } from '../shared/media';
import { ADMIN_PASSWORD, TestServer } from '../shared/server-process';
import { assertClientBuilt, describeViolations, launchBrowser, screenshot, seriousA11yViolations } from './shared/browser';
import { apiUpload, waitPublished } from './shared/fixtures';
import { anonymousSession, loginThroughUi, type BrowserSession } from './shared/session';

const vtt = (text: string) => `WEBVTT\n\n00:00.000 --> 00:30.000\n${text}\n`;

async function putCaption(client: ShoalClient, id: number, lang: string, text: string): Promise<void> {
  const form = new FormData();
  form.append('captionfile', new Blob([vtt(text)], { type: 'text/vtt' }), `${lang}.vtt`);
  await client.expect(204, 'PUT', `/api/v1/videos/${id}/captions/${lang}`, { body: form });
}

interface TrackInfo {
  kind: string;
  language: string;
  label: string;
}

/** video.js keeps its player on its root element; Chromium gets emulated (video.js-drawn) text tracks. */
interface VjsTrack extends TrackInfo {
  mode: string;
  cues: ArrayLike<{ text: string }> | null;
}
type VjsRoot = HTMLElement & { player: { textTracks(): ArrayLike<VjsTrack> } };

/** The player's text tracks. */
const textTracks = (page: Page) =>
  page.evaluate(() => {
    const player = (document.querySelector('.video-js') as VjsRoot | null)?.player;
    return Array.from(player?.textTracks() ?? []).map((t) => ({ kind: t.kind, language: t.language, label: t.label }));
  });

const waitForTracks = (page: Page, n: number) =>
  page.waitForFunction((min) => ((document.querySelector('.video-js') as VjsRoot | null)?.player?.textTracks().length ?? 0) >= min, n, {
    timeout: 30_000,
    polling: 100,
  });

/** Picks `label` in the CC menu, then waits until the track shows its first cue on the video. */
async function showCaption(page: Page, label: string): Promise<string> {
  await page.locator('.video-js').hover();
  await page.locator('.vjs-subs-caps-button > button').click();
  await page.getByRole('menuitemradio', { name: label }).click();
  const handle = await page.waitForFunction(
    (l) => {
      const player = (document.querySelector('.video-js') as VjsRoot).player;
      const track = Array.from(player.textTracks()).find((t) => t.label === l);
      return track?.mode === 'showing' && track.cues?.length ? track.cues[0].text : null;
    },
    label,
    { timeout: 30_000, polling: 100 },
  );
  await page
    .locator('.vjs-text-track-display')
    .getByText(await handle.jsonValue())
    .waitFor();
  return handle.jsonValue();
}

describe('Captions in the web client (Chromium)', function () {
  let server: TestServer;
  let browser: Browser;
  let pub: { id: number; shortUUID: string };
  let priv: { id: number; shortUUID: string };
  let root: BrowserSession;

  before(async () => {
    assertClientBuilt();
    browser = await launchBrowser();
    server = await new TestServer().start();
    const clip = await makeClip({ seconds: 3 });
    [pub, priv] = await Promise.all([
      apiUpload(server.admin, clip, { name: 'Subtitled clip', privacy: 1 }),
      apiUpload(server.admin, clip, { name: 'Private subtitled clip', privacy: 3 }),
    ]);
    await Promise.all([waitPublished(server.admin, pub.id), waitPublished(server.admin, priv.id)]);
    await putCaption(server.admin, pub.id, 'fr', 'Bonjour tout le monde');
    await putCaption(server.admin, pub.id, 'en', 'Hello everyone');
    await putCaption(server.admin, priv.id, 'de', 'Geheimer Untertitel');
    root = await loginThroughUi(browser, server.url, 'root', ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  it('gives the watch page player one subtitles track per caption, shown from the CC menu', async () => {
    const { page, context } = await anonymousSession(browser);
    await page.goto(`${server.url}/w/${pub.shortUUID}`);
    await waitForTracks(page, 2);
    const tracks = (await textTracks(page)).filter((t) => t.kind === 'subtitles');
    assert.deepEqual(tracks, [
      { kind: 'subtitles', language: 'en', label: 'English' },
      { kind: 'subtitles', language: 'fr', label: 'French' },
    ]);
    await page.locator('.vjs-big-play-button').click();
    assert.equal(await showCaption(page, 'French'), 'Bonjour tout le monde');
    await screenshot(page, 'watch-captions');
    await context.close();
  });

  it('loads a private video’s caption with the viewer’s file token', async () => {
    const { page } = root;
    await page.goto(`${server.url}/w/${priv.shortUUID}`);
    await waitForTracks(page, 1);
    await page.locator('.vjs-big-play-button').click();
    assert.equal(await showCaption(page, 'German'), 'Geheimer Untertitel');
  });

  it('gives the embed player the captions too', async () => {
    const { page, context } = await anonymousSession(browser);
    await page.goto(`${server.url}/videos/embed/${pub.shortUUID}`);
    await waitForTracks(page, 2);
    assert.deepEqual((await textTracks(page)).map((t) => t.label).sort(), ['English', 'French']);
    await context.close();
  });

  it('adds and deletes captions from the video edit page', async () => {
    const { page } = root;
    await page.goto(`${server.url}/my-library/videos/${pub.shortUUID}/edit`);
    const list = page.getByRole('list', { name: 'Captions of this video' });
    await list.getByRole('link', { name: 'French' }).waitFor();

    const srt = join(tmpdir(), `shoal-caption-${process.pid}.srt`);
    await writeFile(srt, '1\n00:00:00,000 --> 00:00:02,000\nHallo\n');
    await page.getByLabel('Caption language').selectOption({ label: 'German' });
    await page.getByLabel('Caption file').setInputFiles(srt);
    await page.getByRole('button', { name: 'Add the caption' }).click();
    await page.getByRole('status').filter({ hasText: 'German caption saved.' }).waitFor();
    await list.getByRole('link', { name: 'German' }).waitFor();

    await page.getByRole('button', { name: 'Delete the English caption' }).click();
    await page.getByRole('status').filter({ hasText: 'English caption deleted.' }).waitFor();
    await list.getByRole('link', { name: 'English' }).waitFor({ state: 'detached' });
    assert.equal(await list.getByRole('link').count(), 2);
    const api = await server
      .anonymous()
      .expect<{ data: Array<{ language: { id: string } }> }>(200, 'GET', `/api/v1/videos/${pub.id}/captions`);
    assert.deepEqual(api.data.map((c) => c.language.id).sort(), ['de', 'fr']);

    const violations = (await seriousA11yViolations(page)).filter((v) => v.nodes.some((n) => n.target.some((t) => t.includes('caption'))));
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'video-edit-captions');
  });
});

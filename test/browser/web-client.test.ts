import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeClip } from '../shared/media';
import { ADMIN_PASSWORD, TestServer } from '../shared/server-process';
import { assertClientBuilt, describeViolations, launchBrowser, screenshot, seriousA11yViolations, waitForPlayback } from './shared/browser';
import { apiUpload, waitPublished } from './shared/fixtures';

describe('Web client (Chromium)', function () {
  let server: TestServer;
  let browser: Browser;
  let rootContext: BrowserContext;
  let page: Page;
  let uploadedShortUUID = '';
  let chaptersVideo: Promise<{ id: number; shortUUID: string }>;
  let protectedVideo: Promise<{ id: number; shortUUID: string }>;

  before(async () => {
    assertClientBuilt();
    // One after the other: if the server fails to start, the browser must already be there for after() to close it.
    browser = await launchBrowser();
    server = await new TestServer().start();
    const [clip, longClip] = await Promise.all([makeClip({ seconds: 3 }), makeClip({ seconds: 8 })]);
    // Started early so their transcoding overlaps the UI tests; awaited where needed.
    chaptersVideo = apiUpload(server.admin, longClip, { name: 'Video with chapters', privacy: 1 }).then(async (v) => {
      await server.admin.expect(204, 'PUT', `/api/v1/videos/${v.id}/chapters`, {
        json: {
          chapters: [
            { timecode: 0, title: 'Opening' },
            { timecode: 3, title: 'Middle part' },
            { timecode: 6, title: 'Ending' },
          ],
        },
      });
      return v;
    });
    protectedVideo = apiUpload(server.admin, clip, { name: 'Secret clip', privacy: 5, videoPasswords: ['right-password'] });
    await server.admin.createUser({ username: 'troublemaker', password: 'troublemaker-pw', email: 'trouble@example.com', role: 2 });
    rootContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await rootContext.newPage();
    page.on('pageerror', (err) => console.error('[page error]', err.message));
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  it('logs in through the login page', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Username or email').fill('root');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Logged in as').waitFor();
    // Back to the home page once the session is open.
    await page.waitForURL(`${server.url}/`);
    await screenshot(page, 'home-logged-in');
  });

  it('uploads a clip from the upload page with a progress bar, pause and resume, then publishes it', async () => {
    const clip = await makeClip({ seconds: 4 });
    await page.goto(`${server.url}/videos/upload`);
    await page.getByLabel('Title').fill('Uploaded from the browser');
    // The first chunk is held back so that the upload can be paused while it is in flight.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    await page.route('**/api/v1/videos/upload-resumable?upload_id=*', async (route) => {
      const range = route.request().headers()['content-range'] ?? '';
      if (held || route.request().method() !== 'PUT' || range.startsWith('bytes */')) return route.continue();
      held = true;
      await released;
      await route.abort().catch(() => undefined);
    });
    await page.locator('#upload-file').setInputFiles(clip);
    const progress = page.getByTestId('upload-progress');
    await progress.waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Upload paused').first().waitFor();
    release();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText('Upload complete').first().waitFor({ timeout: 30_000 });
    await page.unrouteAll();
    assert.equal(await progress.getAttribute('value'), '100');
    await page.getByLabel('Description').fill('Jump to 0:02 to see the end.');
    await screenshot(page, 'upload-complete');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const link = page.getByRole('link', { name: 'Go to the video' });
    await link.waitFor();
    uploadedShortUUID = (await link.getAttribute('href'))!.split('/').pop()!;
    const video = await waitPublished(server.admin, uploadedShortUUID);
    assert.equal(video.name, 'Uploaded from the browser');
    assert.equal(video.description, 'Jump to 0:02 to see the end.');
  });

  it('plays the published video on the watch page', async () => {
    await page.goto(`${server.url}/w/${uploadedShortUUID}`);
    await page.getByRole('heading', { name: 'Uploaded from the browser' }).waitFor();
    await page.locator('.vjs-big-play-button').click();
    assert.ok((await waitForPlayback(page)) > 0.5);
    // The description's timestamp seeks the player.
    await page.getByRole('button', { name: /^0:02 \(go to 2 seconds\)/ }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) >= 2);
    await screenshot(page, 'watch-playing');
    // Keyboard shortcut inside the player: K pauses.
    await page.locator('.vjs-play-control').focus();
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector('video')?.paused === true);
  });

  it('asks for the password of a protected video, refuses a wrong one and plays with the right one', async () => {
    const video = await protectedVideo;
    await waitPublished(server.admin, video.id);
    const anonymous = await browser.newContext();
    const viewer = await anonymous.newPage();
    await viewer.goto(`${server.url}/w/${video.shortUUID}`);
    await viewer.getByRole('heading', { name: 'This video is password protected' }).waitFor();
    await viewer.getByLabel('Video password').fill('wrong-password');
    await viewer.getByRole('button', { name: 'Watch the video' }).click();
    await viewer.getByText('Incorrect password, please try again.').waitFor();
    await screenshot(viewer, 'password-refused');
    await viewer.getByLabel('Video password').fill('right-password');
    await viewer.getByRole('button', { name: 'Watch the video' }).click();
    await viewer.getByRole('heading', { name: 'Secret clip' }).waitFor();
    // The comments of a protected video load with the same password.
    await viewer.getByRole('heading', { name: '0 comments' }).waitFor();
    await viewer.locator('.vjs-big-play-button').click();
    assert.ok((await waitForPlayback(viewer)) > 0.5);
    await anonymous.close();
  });

  it('shows chapters as marks on the progress bar and in a menu', async () => {
    const video = await chaptersVideo;
    await waitPublished(server.admin, video.id);
    await page.goto(`${server.url}/w/${video.shortUUID}`);
    const marks = page.locator('.vjs-chapter-mark');
    await marks.nth(1).waitFor({ state: 'attached' });
    assert.deepEqual(await marks.evaluateAll((els) => els.map((e) => (e as HTMLElement).title)), ['Middle part', 'Ending']);
    const lefts = await marks.evaluateAll((els) => els.map((e) => parseFloat((e as HTMLElement).style.left)));
    assert.ok(lefts[0] > 30 && lefts[0] < 45 && lefts[1] > 65 && lefts[1] < 85, `mark positions ${lefts}`);
    // video.js shows its control bar once playback started.
    await page.locator('.vjs-big-play-button').click();
    await waitForPlayback(page, 0.2);
    await page.locator('.video-js').hover();
    await page.locator('.vjs-chapters-menu button').first().click();
    await page.getByRole('menuitemradio', { name: /Middle part/ }).click();
    await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 3) < 1);
    await screenshot(page, 'watch-chapters');
  });

  it('finds a video with the header search, then opens its channel and its embed page', async () => {
    const video = await chaptersVideo;
    await page.goto(server.url);
    await page.getByLabel('Search videos').fill('chapters');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Results for “chapters”' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Video with chapters' });
    await card.getByRole('link', { name: 'Main root channel' }).click();
    await page.getByRole('heading', { name: 'Main root channel' }).waitFor();
    await page
      .getByRole('link', { name: /^Video with chapters/ })
      .first()
      .waitFor();

    await page.goto(`${server.url}/videos/embed/${video.shortUUID}`);
    await page.locator('.video-js').waitFor();
    assert.equal(await page.locator('header.site-header').count(), 0);
  });

  it('bans a user from the admin users page', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.getByLabel('Search by username or email').fill('troublemaker');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    const row = page.locator('tr[data-username="troublemaker"]');
    await row.waitFor();
    await row.getByRole('button', { name: /Manage/ }).click();
    await page.getByLabel('Reason for the ban (optional)').fill('Spamming the comments');
    await page.getByRole('button', { name: 'Ban troublemaker' }).click();
    await row.getByText('Banned').waitFor();
    await screenshot(page, 'admin-user-banned');
    const users = await server.admin.expect<{ data: Array<{ username: string; blocked: boolean; blockedReason: string }> }>(
      200,
      'GET',
      '/api/v1/users',
      {
        query: { search: 'troublemaker' },
      },
    );
    const banned = users.data.find((u) => u.username === 'troublemaker');
    assert.equal(banned?.blocked, true);
    assert.equal(banned?.blockedReason, 'Spamming the comments');
  });

  it('has no serious or critical accessibility violation on the main pages', async () => {
    const pages: Array<[string, string]> = [
      ['home', '/'],
      ['watch', `/w/${uploadedShortUUID}`],
      ['upload', '/videos/upload'],
      ['admin-users', '/admin/users'],
      ['my-videos', '/my-library/videos'],
    ];
    const problems: string[] = [];
    for (const [name, path] of pages) {
      await page.goto(server.url + path);
      await page.locator('h1, h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `a11y-${name}`);
      const violations = await seriousA11yViolations(page);
      if (violations.length) problems.push(`${name}:\n${describeViolations(violations)}`);
    }
    assert.equal(problems.length, 0, problems.join('\n\n'));
  });
});

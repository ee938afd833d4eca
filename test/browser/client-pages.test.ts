import assert from 'node:assert/strict';
import type { ShoalClient } from '@shoal/api-client';
import type { CustomConfig, LiveVideo, MyUser, ResultList, RunnerRegistrationTokenView, VideoPassword } from '@shoal/models';
import type { Browser, Page } from 'playwright-core';
import { exitOf, pushRtmp } from '../live/live-fixtures';
import { makeClip } from '../shared/media';
import { ADMIN_PASSWORD, TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { assertClientBuilt, describeViolations, launchBrowser, screenshot, seriousA11yViolations } from './shared/browser';
import { apiUpload } from './shared/fixtures';
import { loginThroughUi, type BrowserSession } from './shared/session';

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Go live, settings and admin pages (Chromium)', function () {
  let server: TestServer;
  let browser: Browser;
  let streamer: ShoalClient;
  let liveShortUUID = '';
  let protectedVideo: { id: number; shortUUID: string };
  const sessions: BrowserSession[] = [];
  /** Pages checked with axe at the end, with a URL path each. */
  const visited = new Map<string, string>();

  const session = async (username: string, password: string): Promise<Page> => {
    const s = await loginThroughUi(browser, server.url, username, password);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    sessions.push(s);
    return s.page;
  };

  before(async () => {
    assertClientBuilt();
    browser = await launchBrowser();
    server = await new TestServer({ configYaml: 'live:\n  enabled: true\n  allow_replay: true\n  reconnect_grace_period: 0\n' }).start();
    for (const username of ['streamer', 'viewer']) {
      await server.admin.createUser({ username, password: `${username}-password`, email: `${username}@example.com`, role: 2 });
    }
    streamer = await server.admin.as('streamer', 'streamer-password');
    const clip = await makeClip({ seconds: 1 });
    protectedVideo = await apiUpload(streamer, clip, { name: 'Family clip', privacy: 5, videoPasswords: ['first-secret'] });
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await server?.destroy();
  });

  it('creates a live and shows its RTMP URL and stream key with working copy buttons', async () => {
    const page = await session('streamer', 'streamer-password');
    await page.getByRole('link', { name: 'Upload', exact: true }).click();
    await page.getByRole('navigation', { name: 'Publish' }).getByRole('link', { name: 'Go live' }).click();
    await page.getByRole('heading', { name: 'Go live' }).waitFor();
    await page.getByLabel('Title').fill('Morning stream');
    await page.getByLabel('Small latency').check();
    await page.getByLabel('Save a replay of the live').check();
    await page.getByLabel('Privacy of the replay').selectOption({ label: 'Unlisted' });
    await screenshot(page, 'go-live-form');
    visited.set('go-live', '/videos/go-live');
    await page.getByRole('button', { name: 'Create the live' }).click();

    await page.getByRole('heading', { name: 'Live: Morning stream' }).waitFor();
    liveShortUUID = page.url().split('/').at(-2)!;
    const rtmp = page.getByLabel('RTMP URL', { exact: true });
    assert.match(await rtmp.inputValue(), /^rtmp:\/\/[^/]+:\d+\/live$/);
    const key = page.getByLabel('Stream key', { exact: true });
    assert.equal(await key.getAttribute('type'), 'password', 'the stream key starts hidden');
    await page.getByRole('button', { name: 'Show Stream key' }).click();
    // The click is handled asynchronously by Angular: wait for the change instead of reading at once.
    await waitFor(async () => (await key.getAttribute('type')) === 'text', { what: 'the stream key shown' });
    const streamKey = await key.inputValue();
    assert.match(streamKey, UUID);

    await page.getByRole('button', { name: 'Copy Stream key' }).click();
    await page.getByText('Stream key copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), streamKey);
    await page.getByRole('button', { name: 'Copy RTMP URL' }).click();
    await page.getByText('RTMP URL copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await rtmp.inputValue());

    assert.equal(await page.getByTestId('live-state').textContent(), 'Waiting');
    assert.equal(await page.getByRole('link', { name: 'Open the watch page' }).getAttribute('href'), `/w/${liveShortUUID}`);
    await screenshot(page, 'go-live-created');

    const live = await streamer.expect<LiveVideo>(200, 'GET', `/api/v1/videos/live/${liveShortUUID}`);
    assert.equal(live.streamKey, streamKey);
    assert.equal(live.latencyMode, 3);
    assert.equal(live.saveReplay, true);
    assert.equal(live.replaySettings?.privacy, 2);
  });

  it('edits the settings of an existing live from My videos', async () => {
    assert.ok(liveShortUUID, 'needs the live of the previous test');
    const page = sessions[0].page;
    await page.goto(`${server.url}/my-library/videos`);
    await page.getByRole('link', { name: 'Live settings of Morning stream' }).click();
    await page.getByRole('heading', { name: 'Live: Morning stream' }).waitFor();
    await page.getByLabel('High latency').check();
    await page.getByLabel('Permanent live').check();
    await page.getByLabel('Save a replay of the live').uncheck();
    await page.getByRole('button', { name: 'Save live settings' }).click();
    await page.getByText('Live settings saved.').waitFor();
    visited.set('live-manage', `/my-library/videos/${liveShortUUID}/live`);

    const live = await streamer.expect<LiveVideo>(200, 'GET', `/api/v1/videos/live/${liveShortUUID}`);
    assert.equal(live.latencyMode, 2);
    assert.equal(live.permanentLive, true);
    assert.equal(live.saveReplay, false);
  });

  it('follows the live state while the encoder streams and stops', async function () {
    this.timeout(180_000);
    assert.ok(liveShortUUID, 'needs the live of the first test');
    const page = sessions[0].page;
    const state = page.getByTestId('live-state');
    assert.equal(await state.textContent(), 'Waiting');
    const live = await streamer.expect<LiveVideo>(200, 'GET', `/api/v1/videos/live/${liveShortUUID}`);
    const encoder = pushRtmp(`${live.rtmpUrl}/${live.streamKey}`, { seconds: 90, height: 144 });
    try {
      await state.getByText('Live', { exact: true }).waitFor({ timeout: 60_000 });
      await page.getByText('You are live. Viewers can watch now.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Save live settings' }).isDisabled(), true, 'no edits while streaming');
      await screenshot(page, 'go-live-streaming');
    } finally {
      encoder.kill('SIGINT');
      await exitOf(encoder);
    }
    // A permanent live goes back to waiting for the next session.
    await state.getByText('Waiting', { exact: true }).waitFor({ timeout: 60_000 });
  });

  it('lets an admin generate, copy and delete a runner registration token', async () => {
    const page = await session('root', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Runners' }).click();
    await page.getByRole('heading', { name: 'Administration: runners' }).waitFor();
    visited.set('runners', '/admin/system/runners');
    const before = await server.admin.expect<ResultList<RunnerRegistrationTokenView>>(200, 'GET', '/api/v1/runners/registration-tokens');
    await page.getByRole('button', { name: 'Generate a registration token' }).click();
    await page.getByText('A new registration token was generated.').waitFor();

    const after = await server.admin.expect<ResultList<RunnerRegistrationTokenView>>(200, 'GET', '/api/v1/runners/registration-tokens', {
      query: { sort: '-createdAt' },
    });
    assert.equal(after.total, before.total + 1);
    const token = after.data[0];
    const row = page.locator(`tr[data-token-id="${token.id}"]`);
    await row.getByText(token.registrationToken).waitFor();
    await row.getByRole('button', { name: `Copy token ${token.id}` }).click();
    await page.getByText('Registration token copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token.registrationToken);
    await page.getByLabel('State').selectOption({ label: 'Pending' });
    await page.getByText('No job.').waitFor();
    await screenshot(page, 'admin-runners');

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: `Delete token ${token.id}` }).click();
    await page.getByText('Registration token deleted.').waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('lets an admin change instance settings that show in GET /config and survive a restart', async () => {
    const page = sessions[1].page;
    await page.goto(`${server.url}/admin/config/edit-custom`);
    await page.getByRole('heading', { name: 'Administration: configuration' }).waitFor();
    visited.set('config', '/admin/config/edit-custom');
    await page.getByLabel('Name', { exact: true }).fill('Shoal of Tests');
    await page.getByLabel('Short description').fill('Videos made by tests');
    await page.getByLabel("New accounts need a moderator's approval").check();
    await page.getByRole('button', { name: 'Save the configuration' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByTestId('public-instance-name').getByText('Shoal of Tests').waitFor();
    await page.locator('.brand').getByText('Shoal of Tests').waitFor();
    await screenshot(page, 'admin-config');

    const check = async () => {
      const config = await server
        .anonymous()
        .expect<{ instance: { name: string; shortDescription: string }; signup: { requiresApproval: boolean } }>(
          200,
          'GET',
          '/api/v1/config',
        );
      assert.equal(config.instance.name, 'Shoal of Tests');
      assert.equal(config.instance.shortDescription, 'Videos made by tests');
      assert.equal(config.signup.requiresApproval, true);
    };
    await check();
    await server.restart();
    await check();
    const custom = await server.admin.expect<CustomConfig>(200, 'GET', '/api/v1/config/custom');
    assert.equal(custom.instance.name, 'Shoal of Tests');
    await server.anonymous().expect(401, 'GET', '/api/v1/config/custom');
    await streamer.login('streamer', 'streamer-password');
    await streamer.expect(403, 'PUT', '/api/v1/config/custom', { json: { instance: { name: 'Nope' } } });
    await server.admin.expect(400, 'PUT', '/api/v1/config/custom', { json: { instance: { name: '' } } });
  });

  it('lets a user choose where notifications go', async () => {
    const page = await session('viewer', 'viewer-password');
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('navigation', { name: 'My account' }).getByRole('link', { name: 'Notifications' }).click();
    visited.set('notifications', '/my-account/notifications');
    const web = page.getByLabel('New comment on one of my videos: web');
    const email = page.getByLabel('New comment on one of my videos: e-mail');
    assert.equal(await web.isChecked(), true);
    await web.uncheck();
    await email.check();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Notification settings saved.').waitFor();

    const viewer = await server.admin.as('viewer', 'viewer-password');
    const me = await viewer.expect<MyUser>(200, 'GET', '/api/v1/users/me');
    assert.equal(me.notificationSettings?.newCommentOnMyVideo, 2);
    await page.reload();
    assert.equal(await page.getByLabel('New comment on one of my videos: e-mail').isChecked(), true);
    assert.equal(await page.getByLabel('New comment on one of my videos: web').isChecked(), false);
  });

  it('lets a user mute an account from its page, then unmute it from the muted list', async () => {
    const page = sessions[2].page;
    await page.goto(`${server.url}/a/streamer`);
    await page.getByRole('button', { name: 'Mute this account' }).click();
    await page.getByText(/streamer@\S+ is muted/).waitFor();
    await page.getByRole('button', { name: 'Unmute this account' }).waitFor();
    visited.set('account', '/a/streamer');

    const viewer = await server.admin.as('viewer', 'viewer-password');
    const muted = await viewer.expect<ResultList<{ blockedAccount: { name: string } }>>(200, 'GET', '/api/v1/users/me/blocklist/accounts');
    assert.deepEqual(
      muted.data.map((b) => b.blockedAccount.name),
      ['streamer'],
    );

    await page.getByRole('button', { name: 'Report this account' }).click();
    await page.getByLabel('Explain the problem').fill('Spams everyone with the same stream.');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByText('Thank you, the moderators received your report.').waitFor();

    await page.goto(`${server.url}/my-account/blocklist`);
    visited.set('blocklist', '/my-account/blocklist');
    const item = page.locator('li[data-account^="streamer@"]');
    await item.getByRole('button', { name: /^Unmute/ }).click();
    await page.getByText('You have not muted any account.').waitFor();
    const after = await viewer.expect<ResultList<unknown>>(200, 'GET', '/api/v1/users/me/blocklist/accounts');
    assert.equal(after.total, 0);

    // The same actions sit behind a toggle on the author's watch pages.
    await page.goto(`${server.url}/w/${liveShortUUID}`);
    await page.getByRole('button', { name: 'Mute or report the author' }).click();
    await page.getByRole('button', { name: 'Mute this account' }).click();
    await page.getByText(/streamer@\S+ is muted/).waitFor();
    assert.equal((await viewer.expect<ResultList<unknown>>(200, 'GET', '/api/v1/users/me/blocklist/accounts')).total, 1);
    await page.getByRole('button', { name: 'Unmute this account' }).click();
    await page.getByText(/streamer@\S+ is no longer muted/).waitFor();
    assert.equal((await viewer.expect<ResultList<unknown>>(200, 'GET', '/api/v1/users/me/blocklist/accounts')).total, 0);
  });

  it('lets a user edit the profile, preferences and password from the settings page', async () => {
    const page = sessions[2].page;
    await page.goto(`${server.url}/my-account/settings`);
    await page
      .getByLabel('Choose an image')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    await page.getByText('Avatar updated.').waitFor();
    await page.getByAltText('Your current avatar').waitFor();
    await page.getByLabel('Display name').fill('Viewer Deluxe');
    await page.getByLabel('Description', { exact: true }).fill('I watch streams.');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await page.getByLabel('Videos with sensitive content').selectOption({ label: 'Display them normally' });
    await page.getByLabel('Help share the videos I watch (peer-to-peer)').uncheck();
    await page.getByRole('button', { name: 'Save the preferences' }).click();
    await page.getByText('Preferences saved.').waitFor();
    await page.getByLabel('Current password', { exact: true }).last().fill('wrong-password');
    await page.getByLabel('New password', { exact: true }).fill('viewer-password-2');
    await page.getByLabel('Confirm the new password').fill('viewer-password-2');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.locator('section[aria-labelledby="password-title"] [role="alert"]').waitFor();
    await page.getByLabel('Current password', { exact: true }).last().fill('viewer-password');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Password changed.').waitFor();
    await screenshot(page, 'my-account-settings');
    visited.set('settings', '/my-account/settings');

    const viewer = await server.admin.as('viewer', 'viewer-password-2');
    const me = await viewer.expect<MyUser>(200, 'GET', '/api/v1/users/me');
    assert.equal(me.account.displayName, 'Viewer Deluxe');
    assert.equal(me.account.description, 'I watch streams.');
    assert.equal(me.nsfwPolicy, 'display');
    assert.equal(me.p2pEnabled, false);
    assert.ok(me.account.avatars.length > 0, 'the avatar was stored');
  });

  it('edits the several passwords of a password-protected video', async () => {
    const page = sessions[0].page;
    await page.goto(`${server.url}/my-library/videos/${protectedVideo.shortUUID}/edit`);
    await page.getByRole('heading', { name: 'Video passwords' }).waitFor();
    visited.set('video-edit', `/my-library/videos/${protectedVideo.shortUUID}/edit`);
    await page.getByLabel('New password').fill('second-secret');
    await page.getByRole('button', { name: 'Add the password' }).click();
    await page.getByText('Password added.').waitFor();
    // Saving the other details keeps both passwords.
    await page.getByLabel('Title').fill('Family clip, edited');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByRole('button', { name: 'Delete password first-secret' }).click();
    await page.getByText('Password deleted.').waitFor();
    await page.getByRole('button', { name: 'Delete password second-secret' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete password second-secret' }).isDisabled(), true, 'the last one stays');

    const list = await streamer.expect<ResultList<VideoPassword>>(200, 'GET', `/api/v1/videos/${protectedVideo.id}/passwords`);
    assert.deepEqual(
      list.data.map((p) => p.password),
      ['second-secret'],
    );
  });

  it('lets a moderator block a video from the moderation dashboard', async () => {
    const page = sessions[1].page;
    await page.goto(`${server.url}/admin/moderation/blocked-videos`);
    await page.getByLabel('Video URL, UUID or id').fill(`${server.url}/w/${protectedVideo.shortUUID}`);
    await page.getByLabel('Reason (optional)').fill('Under review');
    await page.getByRole('button', { name: 'Block the video' }).click();
    await page.getByText('The video is blocked.').waitFor();
    await page.getByText('Under review').waitFor();
    const blocked = await server.admin.expect<ResultList<{ video: { id: number } }>>(200, 'GET', '/api/v1/videos/blacklist');
    assert.deepEqual(
      blocked.data.map((b) => b.video.id),
      [protectedVideo.id],
    );
  });

  it('has no serious accessibility violations on the new pages', async () => {
    const problems: string[] = [];
    const userPages = ['go-live', 'live-manage', 'notifications', 'account', 'blocklist', 'video-edit'];
    const check = async (page: Page, name: string, path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousA11yViolations(page);
      if (violations.length) problems.push(`${name}:\n${describeViolations(violations)}`);
    };
    for (const name of userPages) {
      const path = visited.get(name);
      if (path)
        await check(
          name === 'notifications' || name === 'account' || name === 'blocklist' ? sessions[2].page : sessions[0].page,
          name,
          path,
        );
    }
    const admin = sessions[1].page;
    for (const name of ['runners', 'config']) {
      const path = visited.get(name);
      if (path) await check(admin, name, path);
    }
    await check(admin, 'blocked-videos', '/admin/moderation/blocked-videos');
    await check(admin, 'users', '/admin/users');
    await check(sessions[2].page, 'settings', '/my-account/settings');
    assert.equal(problems.length, 0, problems.join('\n\n'));
  });
});

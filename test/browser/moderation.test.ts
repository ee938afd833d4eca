import assert from 'node:assert/strict';
import type { ShoalClient } from '@shoal/api-client';
import type { Browser, Page } from 'playwright-core';
import { makeClip } from '../shared/media';
import { ADMIN_PASSWORD, TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { assertClientBuilt, describeViolations, launchBrowser, screenshot, seriousA11yViolations } from './shared/browser';
import { apiUpload, waitPublished } from './shared/fixtures';
import { anonymousSession, loginThroughUi, type BrowserSession } from './shared/session';

const XSS_CORPUS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '[x](javascript:window.__xss=1)',
  '<svg onload="window.__xss=1"><circle r="5"/></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<a href="javascript:window.__xss=1">broken <b>markup',
];

/** Waits for the watch page's comment threads (at least `min` comments). */
async function commentsShown(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="comments"] article.comment').length >= n, min);
}

/** Anything that could run script inside `selector`: script and svg elements, inline handlers, javascript: links. */
function dangerousNodes(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (tag === 'script' || tag === 'svg' || tag === 'iframe' || tag === 'object') found.push(tag);
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
        const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (/^\s*javascript:/i.test(href)) found.push(`${tag}[javascript:]`);
      }
    }
    return found;
  }, selector);
}

describe('Moderation and comments (Chromium)', function () {
  let server: TestServer;
  let browser: Browser;
  let creator: ShoalClient;
  let reportedVideo: { id: number; shortUUID: string };
  let heldVideo: { id: number; shortUUID: string };
  const sessions: BrowserSession[] = [];

  const session = async (username: string, password: string): Promise<Page> => {
    const s = await loginThroughUi(browser, server.url, username, password);
    sessions.push(s);
    return s.page;
  };

  before(async () => {
    assertClientBuilt();
    browser = await launchBrowser();
    server = await new TestServer().start();
    const users: Array<[string, 0 | 1 | 2]> = [
      ['reporter', 2],
      ['commenter', 2],
      ['creator', 2],
      ['moderator', 1],
    ];
    for (const [username, role] of users) {
      await server.admin.createUser({ username, password: `${username}-password`, email: `${username}@example.com`, role });
    }
    creator = await server.admin.as('creator', 'creator-password');
    const clip = await makeClip({ seconds: 2 });
    [reportedVideo, heldVideo] = await Promise.all([
      apiUpload(server.admin, clip, { name: 'A video to report', privacy: 1 }),
      apiUpload(creator, clip, { name: 'Reviewed comments', privacy: 1 }),
    ]);
    await creator.expect(204, 'PUT', `/api/v1/videos/${heldVideo.id}`, { json: { commentsPolicy: 3 } });
    await Promise.all([waitPublished(server.admin, reportedVideo.id), waitPublished(creator, heldVideo.id)]);
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await server?.destroy();
  });

  it('lets a moderator handle a report end to end', async () => {
    const reporter = await session('reporter', 'reporter-password');
    await reporter.goto(`${server.url}/w/${reportedVideo.shortUUID}`);
    await reporter.getByRole('heading', { name: 'A video to report' }).waitFor();
    await reporter.getByRole('button', { name: 'Report', exact: true }).click();
    await reporter.getByLabel('Spam or misleading').check();
    await reporter.getByLabel('Explain the problem').fill('This video is an advertisement in disguise.');
    await screenshot(reporter, 'report-video-form');
    await reporter.getByRole('button', { name: 'Send the report' }).click();
    await reporter.getByText('Thank you, the moderators received your report.').waitFor();

    const moderator = await session('moderator', 'moderator-password');
    await moderator.getByRole('link', { name: 'Moderation' }).click();
    await moderator.getByRole('heading', { name: 'Moderation: reports' }).waitFor();
    await moderator.getByLabel('State').selectOption({ label: 'Pending' });
    const item = moderator.locator('li[data-abuse-id]').filter({ hasText: 'A video to report' });
    await item.getByText('This video is an advertisement in disguise.').waitFor();
    await item.getByText('Spam or misleading').waitFor();
    await item.getByRole('button', { name: /^Open/ }).click();
    await item.getByLabel('New message').fill('Thanks, could you tell us where the advertisement starts?');
    await item.getByRole('button', { name: 'Send the message' }).click();
    await item.getByText('Thanks, could you tell us where the advertisement starts?').waitFor();

    // The reporter answers from their reports page.
    await reporter.goto(`${server.url}/my-account/abuses`);
    const mine = reporter.locator('li[data-abuse-id]').first();
    await mine.getByText('Pending').waitFor();
    await mine.getByRole('button', { name: /Show the messages/ }).click();
    await mine.getByText('Thanks, could you tell us where the advertisement starts?').waitFor();
    await mine.getByLabel('New message').fill('Right from the first second.');
    await mine.getByRole('button', { name: 'Send the message' }).click();
    await mine.getByText('Right from the first second.').waitFor();

    // The moderator sees the answer, then accepts the report with a comment.
    await moderator.reload();
    await item.getByRole('button', { name: /^Open/ }).click();
    await item.getByText('Right from the first second.').waitFor();
    await item.getByLabel('New state').selectOption({ label: 'Accepted' });
    await item.getByLabel('Moderation comment').fill('Confirmed: undisclosed advertisement.');
    await item.getByRole('button', { name: 'Update the report' }).click();
    await item.getByText('Report updated.').waitFor();
    await item.locator('.badge', { hasText: 'Accepted' }).waitFor();
    await screenshot(moderator, 'moderation-report-accepted');
    const abuseId = Number(await item.getAttribute('data-abuse-id'));

    // The reporter sees the new state, and is notified.
    const reporterApi = await server.admin.as('reporter', 'reporter-password');
    await waitFor(
      async () => {
        const res = await reporterApi.expect<{ data: Array<{ type: number; abuse?: { id: number } }> }>(
          200,
          'GET',
          '/api/v1/users/me/notifications',
        );
        return res.data.some((n) => n.type === 15 && n.abuse?.id === abuseId) || null;
      },
      { timeout: 15_000, interval: 250, what: 'state change notification' },
    );
    await reporter.goto(`${server.url}/my-account/abuses`);
    await reporter.locator(`li[data-abuse-id="${abuseId}"]`).getByText('Accepted').waitFor();
    const bell = reporter.getByRole('button', { name: /^Notifications/ });
    await reporter.waitForFunction(() => /\(([1-9]\d*) unread\)/.test(document.querySelector('.bell')?.textContent ?? ''));
    await bell.click();
    await reporter.getByRole('link', { name: `Your report #${abuseId} was accepted` }).waitFor();
    await screenshot(reporter, 'notifications-menu');
    await reporter.getByRole('button', { name: 'Mark all as read' }).click();
    await reporter.waitForFunction(() => /\(0 unread\)/.test(document.querySelector('.bell')?.textContent ?? ''));
    await reporter.keyboard.press('Escape');
    await reporter.locator('#notifications-panel').waitFor({ state: 'detached' });
    await reporter.waitForFunction(() => document.activeElement?.classList.contains('bell') === true);
    assert.equal(await bell.getAttribute('aria-expanded'), 'false');
  });

  it('lets a creator approve a held comment', async () => {
    const text = 'Lovely clip, thanks for sharing!';
    const commenter = await session('commenter', 'commenter-password');
    await commenter.goto(`${server.url}/w/${heldVideo.shortUUID}`);
    await commenter.getByLabel('Add a comment').fill(text);
    await commenter.getByRole('button', { name: 'Comment', exact: true }).click();
    await commenter.getByText('Your comment is held for review').waitFor();
    const own = commenter.locator('article.comment').filter({ hasText: text });
    await own.getByText('Held for review').waitFor();

    // Nobody else sees it yet.
    const visitor = await anonymousSession(browser);
    sessions.push(visitor);
    await visitor.page.goto(`${server.url}/w/${heldVideo.shortUUID}`);
    await visitor.page.getByRole('heading', { name: '0 comments' }).waitFor();
    assert.equal(await visitor.page.getByText(text).count(), 0);

    const owner = await session('creator', 'creator-password');
    await owner.getByRole('link', { name: 'My comments' }).click();
    await owner.getByRole('heading', { name: 'Comments on my videos' }).waitFor();
    assert.equal(await owner.getByLabel('Held for review only').isChecked(), true);
    const held = owner.locator('li[data-comment-id]').filter({ hasText: text });
    await held.getByText('Held for review').waitFor();
    await screenshot(owner, 'held-comments');
    await held.getByRole('button', { name: /^Approve/ }).click();
    await owner.getByText('Comment of commenter approved.').waitFor();
    await held.waitFor({ state: 'detached' });

    await visitor.page.reload();
    await visitor.page.getByText(text).waitFor();
    await visitor.page.getByRole('heading', { name: '1 comment' }).waitFor();
    assert.equal(await visitor.page.getByText('Held for review').count(), 0);
  });

  it('renders an XSS corpus of comments harmlessly', async () => {
    for (const text of XSS_CORPUS) {
      await server.admin.expect(200, 'POST', `/api/v1/videos/${reportedVideo.id}/comment-threads`, { json: { text } });
    }
    const viewer = (await anonymousSession(browser)).page;
    sessions.push({ context: viewer.context(), page: viewer });
    await viewer.goto(`${server.url}/w/${reportedVideo.shortUUID}`);
    await commentsShown(viewer, XSS_CORPUS.length);
    await viewer.waitForLoadState('networkidle');
    assert.equal(await viewer.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(await dangerousNodes(viewer, '[data-testid="comments"]'), []);
    await screenshot(viewer, 'xss-comments');

    // The moderators' comment list renders the same texts.
    const moderator = await session('moderator', 'moderator-password');
    await moderator.goto(`${server.url}/admin/moderation/comments`);
    await moderator.waitForFunction((n) => document.querySelectorAll('li[data-comment-id]').length >= n, XSS_CORPUS.length);
    await moderator.waitForLoadState('networkidle');
    assert.equal(await moderator.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(await dangerousNodes(moderator, '.items'), []);
  });

  it('replies to a comment and deletes its own reply', async () => {
    await server.admin.expect(200, 'POST', `/api/v1/videos/${reportedVideo.id}/comment-threads`, { json: { text: 'Ask me anything' } });
    const page = await session('commenter', 'commenter-password');
    await page.goto(`${server.url}/w/${reportedVideo.shortUUID}`);
    const thread = page.locator('article.comment').filter({ hasText: 'Ask me anything' }).first();
    await thread.getByRole('button', { name: 'Reply to root', exact: true }).click();
    await thread.getByLabel('Your reply').fill('Is this *really* a test?');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = thread.locator('.replies article.comment').filter({ hasText: 'Is this really a test?' });
    await reply.locator('em', { hasText: 'really' }).waitFor();
    await thread.getByRole('button', { name: 'Hide 1 reply' }).waitFor();
    await screenshot(page, 'comment-reply');
    page.once('dialog', (d) => void d.accept());
    await reply.getByRole('button', { name: 'Delete the comment of commenter' }).click();
    await page.getByText('Is this really a test?').waitFor({ state: 'detached' });
  });

  it('manages the instance watched words and filters comments by their tag', async () => {
    const page = await session('moderator', 'moderator-password');
    await page.goto(`${server.url}/admin/moderation/watched-words`);
    await page.getByRole('heading', { name: 'Moderation: watched words' }).waitFor();
    await page.getByLabel('List name (also the automatic tag)').fill('gambling');
    await page.getByLabel('Words, one per line').fill('casino\nlottery');
    await page.getByRole('button', { name: 'Save the list' }).click();
    const list = page.locator('li[data-list="gambling"]');
    await list.getByText('casino, lottery').waitFor();
    await list.getByRole('button', { name: 'Edit gambling' }).click();
    await page.getByLabel('Words, one per line').fill('casino\nlottery\njackpot');
    await page.getByRole('button', { name: 'Save the list' }).click();
    await list.getByText('casino, lottery, jackpot').waitFor();
    await screenshot(page, 'watched-words');

    const commenter = await server.admin.as('commenter', 'commenter-password');
    await commenter.expect(200, 'POST', `/api/v1/videos/${reportedVideo.id}/comment-threads`, {
      json: { text: 'Win the jackpot at my casino' },
    });
    await page.goto(`${server.url}/admin/moderation/comments`);
    await page.getByLabel('Automatic tag').fill('gambling');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const tagged = page.locator('li[data-comment-id]').filter({ hasText: 'Win the jackpot at my casino' });
    // Only the tagged comment is left once the filtered list came back.
    await page.waitForFunction(() => document.querySelectorAll('li[data-comment-id]').length === 1);
    await tagged.locator('.badge', { hasText: 'gambling' }).waitFor();

    await page.goto(`${server.url}/admin/moderation/watched-words`);
    page.once('dialog', (d) => void d.accept());
    await list.getByRole('button', { name: 'Delete gambling' }).click();
    await page.getByText('List “gambling” deleted.').waitFor();
    assert.equal(await list.count(), 0);
  });

  it('has no serious or critical accessibility violation on the moderation pages', async () => {
    const page = await session('root', ADMIN_PASSWORD);
    const pages: Array<[string, string, (p: Page) => Promise<void>]> = [
      ['moderation-reports', '/admin/moderation/reports', (p) => p.getByRole('button', { name: /^Open/ }).first().click()],
      ['moderation-comments', '/admin/moderation/comments', async () => undefined],
      ['moderation-blocked-videos', '/admin/moderation/blocked-videos', async () => undefined],
      ['moderation-watched-words', '/admin/moderation/watched-words', async () => undefined],
      ['moderation-registrations', '/admin/moderation/registrations', async () => undefined],
      ['my-watched-words', '/my-library/watched-words', async () => undefined],
      ['my-comments', '/my-library/comments', async () => undefined],
      ['my-reports', '/my-account/abuses', async () => undefined],
      [
        'watch-comments',
        `/w/${reportedVideo.shortUUID}`,
        async (p) => {
          await commentsShown(p);
          await p.getByRole('button', { name: 'Report', exact: true }).click();
          await p.getByRole('button', { name: /^Notifications/ }).click();
        },
      ],
    ];
    const problems: string[] = [];
    for (const [name, path, prepare] of pages) {
      await page.goto(server.url + path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await prepare(page);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `a11y-${name}`);
      const violations = await seriousA11yViolations(page);
      if (violations.length) problems.push(`${name}:\n${describeViolations(violations)}`);
    }
    assert.equal(problems.length, 0, problems.join('\n\n'));
  });
});

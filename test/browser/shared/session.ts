import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context logged in through the login page (as a user would). */
export async function loginThroughUi(browser: Browser, baseUrl: string, username: string, password: string): Promise<BrowserSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error ${username}]`, err.message));
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Username or email').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Logged in as').waitFor();
  return { context, page };
}

/** A browser context with nobody logged in. */
export async function anonymousSession(browser: Browser): Promise<BrowserSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error anonymous]', err.message));
  return { context, page };
}

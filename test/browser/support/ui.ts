import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Where the run's screenshots go (one per step); README screenshots are copied from here on request. */
export const SHOTS_DIR = path.resolve(__dirname, '../../../.data/screenshots/browser');
export const README_SHOTS_DIR = path.resolve(__dirname, '../../../docs/screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Account {
  username: string;
  password: string;
  displayName: string;
}

/**
 * People at their browsers: one browser context per person and screen size (the session lives in the
 * tab's sessionStorage), logged in through the login page. Uncaught errors and unhandled promise
 * rejections in any page are collected; the test fails on them.
 */
export class Browsers {
  readonly pageErrors: string[] = [];
  private readonly sessions = new Map<string, { context: BrowserContext; page: Page }>();
  private shot = 0;

  /** `shotsDir`: a test file of its own keeps its screenshots apart (the directory is emptied here). */
  constructor(private readonly browser: Browser, private readonly baseUrl: string, private readonly shotsDir = SHOTS_DIR) {
    fs.rmSync(shotsDir, { recursive: true, force: true });
    fs.mkdirSync(shotsDir, { recursive: true });
  }

  async as(who: Account, viewport = DESKTOP): Promise<Page> {
    const key = `${who.username}@${viewport.width}`;
    const existing = this.sessions.get(key);
    if (existing) return existing.page;
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(`${who.username}: ${err.message}`));
    page.on('console', (msg) => {
      // A refused request is logged by the browser itself ("Failed to load resource"); the app shows those.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) this.pageErrors.push(`${who.username}: ${msg.text()}`);
    });
    await page.goto(`${this.baseUrl}/#/login`);
    await page.getByLabel('用户名 Username').fill(who.username);
    await page.getByLabel('密码 Password').fill(who.password);
    await page.getByRole('button', { name: '登录 Log in' }).click();
    await page.locator('.who-name', { hasText: who.displayName }).waitFor();
    this.sessions.set(key, { context, page });
    return page;
  }

  /** A screenshot of the page as the person sees it, numbered in step order. */
  async screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
    this.shot += 1;
    const file = path.join(this.shotsDir, `${String(this.shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
    // The page's text next to it, for reading a long page (the dossier) without scrolling a picture.
    fs.writeFileSync(file.replace(/\.png$/, '.txt'), await page.locator('body').innerText());
    return file;
  }

  async closeAll(): Promise<void> {
    for (const { context } of this.sessions.values()) await context.close();
    this.sessions.clear();
  }
}

/** Opens a matter's page afresh (a hash already showing it would not re-render, so it reloads). */
export async function openMatter(page: Page, baseUrl: string, id: string): Promise<void> {
  const url = `${baseUrl}/#/matters/${id}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.locator('.matter-head h1').waitFor();
}

/** The panel of an available action on the matter page, opened, with its form. */
export async function actionPanel(page: Page, label: string): Promise<Locator> {
  const panel = page.locator('details.action', { has: page.locator('summary', { hasText: label }) }).first();
  await panel.waitFor();
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await panel.locator('form').first().waitFor();
  // Generated forms load the command's schema first.
  await panel.getByText('正在准备表单…').waitFor({ state: 'detached' });
  return panel;
}

/**
 * Submits an action's form and waits for the page to confirm it ("✔ 已完成：…") — on the re-rendered page,
 * not a confirmation left from the action before. A refusal fails the step with the refusal's text.
 */
export async function submitAction(page: Page, panel: Locator, label: string): Promise<void> {
  const form = panel.locator('form').first();
  const handle = await form.elementHandle();
  await form.locator('button[type="submit"]').click();
  const outcome = await Promise.race([
    handle!.waitForElementState('hidden', { timeout: 30_000 }).then(() => 'done' as const),
    panel.locator('.problem').first().waitFor({ timeout: 30_000 }).then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') throw new Error(`${label} refused: ${await panel.locator('.problem').first().innerText()}`);
  await page.locator('.flash', { hasText: `已完成：${label}` }).waitFor({ timeout: 30_000 });
}

/** Waits until the server-side state has moved on (the page re-rendered on a stage). */
export async function reloadUntil(page: Page, predicate: () => Promise<boolean>, tries = 40): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await predicate()) return;
    await page.waitForTimeout(250);
    await page.reload();
    await page.locator('main h1').first().waitFor();
  }
  throw new Error('the page did not reach the expected state');
}

/**
 * Reads a value until the check passes (the check is a set of jest `expect`s): what the page shows is
 * read again while it is still rendering or loading, as Playwright's own web-first assertions do, so a busy
 * machine does not fail a step that is only slow. The last failed check is thrown after `timeout` ms.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    let value: T | undefined;
    try {
      value = await read();
      check(value);
      return value;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

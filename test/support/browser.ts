import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { PASSWORD } from './test-app';

/** Debian's Chromium (test/browser/install-browser.sh installs it); no browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '../screenshots');

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run bash test/browser/install-browser.sh (as root)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

const open = new Set<BrowserContext>();
let failures = 0;

/**
 * After a test: what each page still open was showing (a failed step leaves its page open),
 * saved as test/screenshots/failed-N.png, then closed.
 */
export async function closeLeftOpen(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const context of [...open]) {
    for (const page of context.pages()) {
      await page
        .screenshot({ path: join(SCREENSHOTS, `failed-${++failures}.png`) })
        .catch(() => undefined);
    }
    await context.close();
  }
}

/** A fresh browser profile at the office screen size (or a phone's), signed out. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1366, height: 768 },
  timezoneId = 'Asia/Shanghai',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  open.add(context);
  context.on('close', () => open.delete(context));
  return { context, page };
}

/** Signs in on the login page the console is showing. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens a console path as `username`, signing in on the way (the console returns to it). */
export async function openAs(page: Page, username: string, path: string): Promise<void> {
  await page.goto(path);
  // The console decides after its code has loaded: the login form, or the signed-in layout.
  await page.locator('header, form').first().waitFor();
  if (new URL(page.url()).pathname.startsWith('/login')) await signIn(page, username);
  await page.waitForLoadState('networkidle');
}

/**
 * Waits until an antd dialog or popover has finished opening, and returns it. For its first two
 * or three frames antd draws it motionless at its final place, transparent (class
 * `…-appear-start`), and only then zooms it in from the pointer: Playwright finds it "stable" in
 * those frames and clicks where the button is about to leave, on the mask behind it, which
 * closes a Modal unsaved (CI once waited 20 s for a chapter title the save never sent).
 */
export async function opened(dialog: Locator): Promise<Locator> {
  await dialog.waitFor();
  await dialog
    .page()
    .waitForFunction(
      (el) => !/-(appear|enter)(-|\s|$)/.test(el.className) && el.getAnimations().length === 0,
      await dialog.elementHandle(),
      { polling: 'raf' },
    );
  return dialog;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

import { Locator, Page, TestInfo, expect } from '@playwright/test';
// Playwright tests run in Node, not in the browser like the rest of this package.
// eslint-disable-next-line no-restricted-imports
import path from 'path';

/** Named screenshots a reviewer can open without running anything. */
const SCREENSHOTS = path.resolve(
  __dirname,
  '../../../e2e-test-report/screenshots',
);

/**
 * Opens `url` the way a newcomer does: the sign-in page first (guest
 * provider, "Enter"), then the page itself. A session that is already signed
 * in goes straight to the page.
 */
export async function openAsGuest(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The sidebar's <nav> itself has no box of its own; its links do.
  const appShell = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Settings' });
  // The first visit waits for the dev server to compile the frontend bundle.
  await expect(enter.or(appShell)).toBeVisible({ timeout: 180_000 });
  if (await enter.isVisible()) {
    await expect(page.getByText('Enter as a Guest User.')).toBeVisible();
    await enter.click();
  }
  await expect(appShell).toBeVisible();
}

/** The card (an `article`) whose title is `title`, e.g. "Has systems". */
export function card(page: Page, title: string): Locator {
  return page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/**
 * The table row whose first column links to `name`. The catalog's tables name
 * their rows differently (the entity tables only by that first column, the
 * catalog and API explorer by every cell), so rows are found by that link.
 */
export function row(scope: Locator | Page, name: string): Locator {
  // `has` is resolved inside each row, so it must start from the page.
  const page = 'goto' in scope ? scope : scope.page();
  return scope.getByRole('row').filter({
    has: page
      .locator(':scope > :first-child')
      .getByRole('link', { name, exact: true }),
  });
}

/**
 * Waits until the page looks finished: no requests, no spinners, and a page
 * height that stopped changing (late cards and diagrams grow the page).
 * Only the picture depends on it, so a page that never settles is no failure.
 */
async function settle(page: Page): Promise<void> {
  // Out of the way: a hovered row is highlighted, a hovered sidebar expands.
  await page.mouse.move((page.viewportSize()?.width ?? 1280) - 5, 5);
  await page
    .waitForLoadState('networkidle', { timeout: 10_000 })
    .catch(() => undefined);
  await expect(page.getByRole('progressbar'))
    .toHaveCount(0, { timeout: 30_000 })
    .catch(() => undefined);
  let height = -1;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(() => document.body.scrollHeight);
    if (now === height) {
      return;
    }
    height = now;
    await page.waitForTimeout(500);
  }
}

/**
 * Saves a full-page screenshot as e2e-test-report/screenshots/<name>.png and
 * attaches it to the HTML report.
 */
export async function screenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<void> {
  await settle(page);
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

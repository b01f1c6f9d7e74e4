import { Locator, Page, TestInfo, expect } from '@playwright/test';
// Playwright tests run in Node, not in the browser like the rest of this package.
// eslint-disable-next-line no-restricted-imports
import path from 'path';

/** Named screenshots a reviewer can open without running anything. */
const SCREENSHOTS = path.resolve(
  __dirname,
  process.env.E2E_TARGET === 'production'
    ? '../../../e2e-test-report/production/screenshots'
    : '../../../e2e-test-report/screenshots',
);

/**
 * The sample organization's people (examples/backstage-org.yaml) by user
 * name, with the name the sign-in page shows. Each owns what their team owns
 * (the `backstage.io/owner` annotations of examples/acme).
 */
export const SAMPLE_PEOPLE = {
  'pat.platform': 'Pat Platform', // acme-platform: the organization, environments
  'rita.release': 'Rita Release', // release-managers: approves production
  'paula.payments': 'Paula Payments', // payments-team: checkout-api, payment-gateway, ...
  'sam.storefront': 'Sam Storefront', // storefront-team: cart-service, catalog-api, ...
  'leo.logistics': 'Leo Logistics', // logistics-team: shipping-api, ...
} as const;

export type SamplePerson = keyof typeof SAMPLE_PEOPLE;

/** The app shell: the sidebar's <nav> itself has no box of its own; its links do. */
export function appShell(page: Page): Locator {
  return page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Settings' });
}

/**
 * The identity shown on the Settings page: the user entity and the
 * ownership entities (the user and their groups), as links.
 */
export function signedInIdentity(page: Page): {
  user: Locator;
  ownership: Locator;
} {
  return {
    user: page.getByRole('heading', { name: /^User Entity:/ }),
    ownership: page.getByRole('heading', { name: /^Ownership Entities:/ }),
  };
}

/** A person's button on the development sign-in page. */
export function samplePersonButton(page: Page, person: SamplePerson): Locator {
  return page.getByRole('button', {
    name: new RegExp(`^${SAMPLE_PEOPLE[person]}`),
  });
}

/**
 * Opens `url` the way a developer does: the sign-in page first, where they
 * pick one of the sample's people, then the page itself. A session that is
 * already signed in goes straight to the page.
 */
export async function openAs(
  page: Page,
  url: string,
  person: SamplePerson = 'paula.payments',
): Promise<void> {
  await page.goto(url);
  const pick = samplePersonButton(page, person);
  // The first visit waits for the dev server to compile the frontend bundle,
  // and the people show once the catalog has read them.
  await expect(pick.or(appShell(page))).toBeVisible({ timeout: 180_000 });
  if (await pick.isVisible()) {
    await pick.click();
  }
  await expect(appShell(page)).toBeVisible();
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

import { expect, test } from '@playwright/test';
import { openAs, screenshot } from './portalSession';

/*
 * The Choreo pages on the sample organization (examples/acme): the endpoint
 * marketplace, the platform overview, and a component's Network tab fed by
 * the sample's Hubble flow log (examples/acme/flows.jsonl).
 */

test.describe('the Choreo pages', () => {
  test('the marketplace finds an external endpoint and shows its definition', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/', 'sam.storefront');
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Marketplace' })
      .click();
    await expect(page).toHaveURL(/\/choreo\/marketplace$/);

    const endpoints = page.getByRole('list', { name: 'Endpoints' });
    const cards = endpoints.getByRole('article');
    await expect(cards.first()).toBeVisible({ timeout: 60_000 });
    // project-only endpoints (Cart API, Redis, ...) are not for other projects
    await expect(
      endpoints.getByRole('article', { name: 'Cart API' }),
    ).toHaveCount(0);
    await screenshot(page, testInfo, 'marketplace');

    await page.getByLabel('Search endpoints').fill('checkout');
    const checkout = endpoints.getByRole('article', { name: 'Checkout API' });
    await expect(checkout).toBeVisible();
    await expect(cards).toHaveCount(1);
    await expect(checkout.getByText('external', { exact: true })).toBeVisible();

    await checkout.getByRole('button', { name: 'View definition' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Checkout API: API definition',
    });
    await expect(dialog.getByText('/orders').first()).toBeVisible();
    await expect(dialog.getByText('openapi: 3.0.3')).toBeVisible();
    await screenshot(page, testInfo, 'marketplace-definition');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Connect hands over to the connect-to-endpoint template, prefilled
    await expect(
      checkout.getByRole('link', { name: 'Connect' }),
    ).toHaveAttribute(
      'href',
      /\/create\/templates\/default\/connect-to-endpoint\?formData=.*checkout-api-api/,
    );
  });

  test('the platform overview shows environments, pipelines, planes, source health and the flow source', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/choreo/platform', 'pat.platform');

    const sources = page.getByRole('table', { name: 'Sources' });
    await expect(sources.getByRole('row').nth(1)).toContainText(
      /Synced|Starting|Stale|Failing/,
      { timeout: 60_000 },
    );
    const environments = page.getByRole('table', { name: 'Environments' });
    await expect(environments.getByRole('row')).toHaveCount(4, {
      timeout: 60_000,
    });
    await expect(environments.getByRole('row').nth(1)).toContainText(
      'Development',
    );
    await expect(environments.getByRole('row').nth(3)).toContainText(
      'Production',
    );
    await expect(
      page.getByLabel('Promotion path of Default pipeline').getByRole('link'),
    ).toHaveText(['Development', 'Staging', 'Production']);
    await expect(
      page.getByRole('table', { name: 'Data planes' }).getByRole('row'),
    ).not.toHaveCount(1);
    // the sample's flow export, followed like a live log
    await expect(
      page
        .getByRole('table', { name: 'Network flow source' })
        .getByRole('row')
        .nth(1),
    ).toContainText(/Flow log file\s*Streaming/);
    await screenshot(page, testInfo, 'platform-overview');
  });

  test("a component's Network tab streams its flows, dropped ones with their reason", async ({
    page,
  }, testInfo) => {
    // shipping-api calls payment-gateway without a declared dependency: the policy drops it
    await openAs(
      page,
      '/catalog/acme/component/shipping-api/network',
      'leo.logistics',
    );

    const flows = page.getByRole('table', { name: 'Flows' });
    const rows = flows
      .getByRole('row')
      .filter({ hasNot: page.getByRole('columnheader') });
    await expect(rows.first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Live|Listening/).first()).toBeVisible();
    const dropped = rows.filter({ hasText: 'DROPPED' });
    await expect(dropped.first()).toContainText('logistics/shipping-api');
    await expect(dropped.first()).toContainText('payments/payment-gateway');
    await expect(dropped.first()).toContainText('Policy denied');
    await expect(rows.filter({ hasText: 'FORWARDED' }).first()).toBeVisible();
    await screenshot(page, testInfo, 'network-tab');

    await page.getByRole('button', { name: /^Verdict/ }).click();
    await page.getByRole('option', { name: 'DROPPED' }).click();
    await expect(rows.filter({ hasText: 'FORWARDED' })).toHaveCount(0);
    await expect(dropped.first()).toBeVisible();

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(
      page.getByText(/Paused: \d+ new flows? held back/),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });
});

import { expect, test } from '@playwright/test';
import { card, openAs, screenshot } from './portalSession';

/*
 * The Deploy and Builds tabs of a component of the sample organization
 * (examples/acme). In cart-service, development runs a newer release than
 * staging, so promoting development to staging changes what staging runs.
 * Each e2e run starts from a fresh copy of the sample, so the promotion is
 * there to make every time. Sam of the storefront team, which owns
 * cart-service, does it.
 */
const CART_SERVICE = '/catalog/acme/component/cart-service';

test.describe('a component of the sample organization', () => {
  test('the Deploy tab promotes development to staging', async ({
    page,
  }, testInfo) => {
    await openAs(page, `${CART_SERVICE}/deploy`, 'sam.storefront');

    const development = page.getByRole('region', {
      name: 'environment development',
    });
    const staging = page.getByRole('region', { name: 'environment staging' });
    await expect(
      page.getByRole('region', { name: 'environment production' }),
    ).toBeVisible();
    const devRelease = development.getByTestId('release-development');
    const stagingRelease = staging.getByTestId('release-staging');
    await expect(devRelease).toHaveText(/^cart-service-/);
    await expect(stagingRelease).toHaveText(/^cart-service-/);
    const promoted = (await devRelease.innerText()).trim();
    const replaced = (await stagingRelease.innerText()).trim();
    expect(promoted).not.toBe(replaced);
    await expect(
      page.getByRole('heading', { name: 'Release history' }),
    ).toBeVisible();
    await screenshot(page, testInfo, 'deploy-tab');

    await development
      .getByRole('button', { name: 'Promote to staging' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(
      `Bind release ${promoted} from development to staging; staging currently runs ${replaced}.`,
    );
    await dialog.getByRole('button', { name: 'Promote', exact: true }).click();

    await expect(page.getByText(/^Promoted to staging:/)).toBeVisible();
    await expect(stagingRelease).toHaveText(promoted);
    await screenshot(page, testInfo, 'deploy-promoted');
  });

  test('the Builds tab lists the runs and opens a log', async ({
    page,
  }, testInfo) => {
    await openAs(page, `${CART_SERVICE}/builds`, 'sam.storefront');

    await expect(
      page.getByRole('heading', { name: 'Build runs' }),
    ).toBeVisible();
    const run = page.getByRole('button', {
      name: 'log of cart-service-run-f650dff7',
    });
    await expect(run).toBeVisible();
    // Nothing runs the sample's builds (a local directory): Build says so instead of starting one.
    await expect(page.getByText('Builds cannot start here')).toBeVisible();
    await expect(
      page.getByText(
        /would never run: organisation 'acme' is written to a local directory that follows no Git remote/,
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Build', exact: true }),
    ).toBeDisabled();
    await run.click();
    // The sample has no workflow plane: the viewer opens and says why no lines come.
    await expect(
      page.getByRole('region', { name: 'log of cart-service-run-f650dff7' }),
    ).toBeVisible();
    await screenshot(page, testInfo, 'builds-tab');
  });

  test('the Overview shows deployment status and endpoints', async ({
    page,
  }, testInfo) => {
    await openAs(page, CART_SERVICE, 'sam.storefront');

    const deployments = card(page, 'Deployments');
    await expect(
      deployments.getByRole('row', { name: /Staging/ }),
    ).toBeVisible();
    await expect(deployments.getByText('Open the Deploy tab')).toBeVisible();
    const endpoints = card(page, 'Endpoints');
    await expect(
      endpoints.getByRole('row', { name: /Cart API/ }),
    ).toBeVisible();
    await expect(
      endpoints.getByText(/cart-service\.dp-acme-storefront-staging/),
    ).toBeVisible();
    await screenshot(page, testInfo, 'component-overview');

    await deployments.getByText('Open the Deploy tab').click();
    await expect(
      page.getByRole('region', { name: 'environment staging' }),
    ).toBeVisible();
  });
});

import { expect, test } from '@playwright/test';
import { screenshot } from '../portalSession';
import { signInAs } from './oidcSession';

/*
 * Four-eyes in the production build: people signed in through the IdP,
 * their groups deciding through OpenChoreo's roles of the sample
 * (examples/acme/platform/access.yaml). Paula of the payments team asks to
 * promote checkout-api to production; she may not approve it herself, and
 * Rita, a release manager, approves it.
 */
const CHECKOUT = '/catalog/acme/component/checkout-api/deploy';

test('a developer asks for a production promotion and a release manager approves it', async ({
  browser,
}, testInfo) => {
  const paula = await signInAs(browser, 'paula.payments', CHECKOUT);
  const staging = paula.page.getByRole('region', {
    name: 'environment staging',
  });
  const production = paula.page.getByRole('region', {
    name: 'environment production',
  });
  const release = (
    await staging.getByTestId('release-staging').innerText()
  ).trim();
  await expect(production.getByTestId('release-production')).not.toHaveText(
    release,
  );

  await staging
    .getByRole('button', { name: 'Request promotion to production' })
    .click();
  const dialog = paula.page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Request promotion' }).click();
  await expect(paula.page.getByText(/^Waiting for approval:/)).toBeVisible();
  const request = production.getByRole('region', {
    name: 'change request for production',
  });
  await expect(request).toContainText('Waiting for approval');
  // her own request: she may only withdraw it
  await expect(request.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expect(request.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await screenshot(paula.page, testInfo, 'production-change-requested');

  const rita = await signInAs(browser, 'rita.release', CHECKOUT);
  const ritaRequest = rita.page
    .getByRole('region', { name: 'environment production' })
    .getByRole('region', { name: 'change request for production' });
  await ritaRequest.getByRole('button', { name: 'Approve' }).click();
  await rita.page
    .getByRole('dialog')
    .getByRole('button', { name: 'Approve' })
    .click();
  await expect(
    rita.page
      .getByRole('region', { name: 'environment production' })
      .getByTestId('release-production'),
  ).toHaveText(release);
  await screenshot(rita.page, testInfo, 'production-change-approved');

  await paula.context.close();
  await rita.context.close();
});

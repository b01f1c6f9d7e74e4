import { expect, test } from '@playwright/test';
import {
  appShell,
  card,
  row,
  screenshot,
  signedInIdentity,
} from '../portalSession';
import { signInAs, signInAtIdp, signInButton } from './oidcSession';

/*
 * The production build (scripts/e2e-production.sh): sign-in only through the
 * identity provider, with the authorization code flow and PKCE; the person's
 * groups at the IdP become their ownership; signing out, and an IdP session
 * that ends, lead back to the sign-in page.
 *
 * For tests with several people at once (one asks for a promotion, another
 * approves it), `signInAs(browser, person)` gives each a browser context.
 */

test.describe('sign-in through the identity provider (production build)', () => {
  test('a person signs in at the IdP (code + PKCE) and sees the Choreo catalog', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(signInButton(page)).toBeVisible();
    // No development sign-in in production: neither on the page nor behind it.
    await expect(page.getByText('Sample organization')).toHaveCount(0);
    const sample = await page.request.get('/api/auth/sample/refresh', {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-choreo-sample-user': 'user:default/paula.payments',
      },
    });
    expect(sample.status()).toBe(404);
    await screenshot(page, testInfo, 'production-sign-in');

    const signIn = await signInAtIdp(page, 'paula.payments', async popup => {
      await expect(
        popup.getByRole('heading', { name: 'Acme test IdP' }),
      ).toBeVisible();
      await screenshot(popup, testInfo, 'production-idp-login');
    });
    expect(signIn.loginPageShown).toBe(true);
    const params = signIn.authorizationRequest.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'groups']),
    );

    // The Choreo entities: the organization with its projects.
    await page.goto('/catalog/acme/domain/acme');
    await expect(
      page.getByRole('heading', { name: 'Acme Corp', level: 2 }),
    ).toBeVisible();
    const systems = card(page, 'Has systems');
    for (const system of ['Logistics', 'Payments', 'Storefront']) {
      await expect(row(systems, system)).toBeVisible();
    }
    await screenshot(page, testInfo, 'production-catalog');

    // Who the portal says Paula is: her user, and her group at the IdP (the
    // catalog of this run lists no team members: scripts/e2e-production.sh).
    await page.goto('/settings');
    const identity = signedInIdentity(page);
    await expect(
      identity.user.getByRole('link', { name: 'Paula Payments' }),
    ).toHaveAttribute('href', /\/catalog\/default\/user\/paula\.payments$/);
    await expect(
      identity.ownership.getByRole('link', { name: 'Payments', exact: true }),
    ).toHaveAttribute('href', /\/catalog\/default\/group\/payments-team$/);
    await screenshot(page, testInfo, 'production-settings');

    // Signing out comes back to the sign-in page; the IdP still knows her,
    // so signing in again asks nothing.
    await page.getByTestId('user-settings-menu').click();
    await page.getByTestId('sign-out').click();
    await expect(signInButton(page)).toBeVisible();
    await expect(appShell(page)).toHaveCount(0);
    const again = await signInAtIdp(page, 'paula.payments');
    expect(again.loginPageShown).toBe(false);
  });

  test('when the IdP session ends, the portal asks to sign in again', async ({
    browser,
  }) => {
    // scripts/e2e-production.sh gives Leo's IdP sessions 20 seconds.
    const sessionSeconds = 20;
    const { context, page } = await signInAs(browser, 'leo.logistics');
    const signedInAt = Date.now();

    // Within the session a reload stays signed in (the portal refreshes).
    await page.reload();
    await expect(appShell(page)).toBeVisible();

    await page.waitForTimeout(
      Math.max(0, signedInAt + (sessionSeconds + 3) * 1000 - Date.now()),
    );
    await page.reload();
    await expect(signInButton(page)).toBeVisible();
    await expect(appShell(page)).toHaveCount(0);

    // The IdP asks for the password again.
    const again = await signInAtIdp(page, 'leo.logistics');
    expect(again.loginPageShown).toBe(true);
    await context.close();
  });
});

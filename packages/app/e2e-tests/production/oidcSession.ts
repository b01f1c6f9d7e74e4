import { Browser, BrowserContext, expect, Page } from '@playwright/test';
import { TEST_IDP_PASSWORD } from '@internal/test-idp';
import { appShell, SamplePerson } from '../portalSession';

/*
 * Sign-in through the identity provider, as the production build offers it:
 * "Sign in with <IdP>" opens a popup at the IdP (packages/test-idp, started
 * by scripts/e2e-production.sh), whose login page takes the person's name
 * and password; the popup closes and the portal is signed in.
 */

/** The IdP's title on the sign-in page (OIDC_TITLE of scripts/e2e-production.sh). */
export const IDP_TITLE = 'Acme test IdP';

export function signInButton(page: Page) {
  return page.getByRole('button', { name: `Sign in with ${IDP_TITLE}` });
}

function issuer(): string {
  const value = process.env.E2E_TEST_IDP_ISSUER;
  if (!value) {
    throw new Error(
      'E2E_TEST_IDP_ISSUER is not set: run these tests with scripts/e2e-production.sh',
    );
  }
  return value;
}

/** What one sign-in at the IdP looked like. */
export interface IdpSignIn {
  /** The authorization request the portal sent the browser to. */
  authorizationRequest: URL;
  /** False when the IdP still had a session and asked nothing. */
  loginPageShown: boolean;
}

/**
 * On the sign-in page: clicks "Sign in with <IdP>" and, when the IdP asks,
 * signs in as `person` at its login page in the popup. `onLoginPage` sees the
 * login page first (for a screenshot). Waits until the portal is signed in.
 */
export async function signInAtIdp(
  page: Page,
  person: SamplePerson,
  onLoginPage?: (popup: Page) => Promise<void>,
): Promise<IdpSignIn> {
  const authorizationRequests: URL[] = [];
  const recordAuthorization = (request: { url(): string }) => {
    if (request.url().startsWith(`${issuer()}/auth?`)) {
      authorizationRequests.push(new URL(request.url()));
    }
  };
  page.context().on('request', recordAuthorization);
  try {
    const popupOpened = page.waitForEvent('popup');
    await signInButton(page).click();
    const popup = await popupOpened;
    const closed = popup.isClosed()
      ? Promise.resolve()
      : popup.waitForEvent('close', { timeout: 60_000 }).then(() => undefined);
    const username = popup.getByLabel('Username');
    const loginPageShown = await Promise.race([
      username.waitFor({ timeout: 60_000 }).then(() => true),
      closed.then(() => false),
    ]);
    if (loginPageShown) {
      await onLoginPage?.(popup);
      await username.fill(person);
      await popup.getByLabel('Password').fill(TEST_IDP_PASSWORD);
      await popup.getByRole('button', { name: 'Sign in' }).click();
      await closed;
    }
    await expect(appShell(page)).toBeVisible();
    expect(authorizationRequests).toHaveLength(1);
    return { authorizationRequest: authorizationRequests[0], loginPageShown };
  } finally {
    page.context().off('request', recordAuthorization);
  }
}

/**
 * `person` signed in through the IdP in a browser context of their own, so a
 * test can have several people at once (one asks for a promotion, another
 * approves it). Close the context when done.
 */
export async function signInAs(
  browser: Browser,
  person: SamplePerson,
  url = '/',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await signInAtIdp(page, person);
  return { context, page };
}

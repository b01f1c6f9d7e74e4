/** How long what the test IdP issues lives, in seconds. */
export interface TestIdpLifetimes {
  accessToken: number;
  idToken: number;
  /**
   * The sign-in at the IdP (its session cookie) and the refresh tokens of it:
   * when it ends, the portal can no longer refresh and the person has to sign
   * in again, at the IdP's login page.
   */
  session: number;
}

export const DEFAULT_LIFETIMES: TestIdpLifetimes = {
  // Longer than the 5 minutes before expiry at which Backstage's frontend
  // starts refreshing on every call.
  accessToken: 15 * 60,
  idToken: 15 * 60,
  session: 60 * 60,
};

/**
 * The session lifetime of each account: the default, or a shorter one for the
 * accounts a test lets expire, so the other accounts stay signed in.
 */
export function sessionLifetimeOf(
  accountId: string | undefined,
  lifetimes: TestIdpLifetimes,
  perAccount: Readonly<Record<string, number>>,
): number {
  return (accountId && perAccount[accountId]) || lifetimes.session;
}

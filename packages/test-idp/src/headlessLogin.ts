import { TEST_IDP_PASSWORD } from './accounts';

/** A browser's cookies for one site, enough for the test IdP's flows. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Keeps the cookies a response sets. */
  take(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1));
    }
  }

  /** The Cookie header to send. */
  header(): string {
    return [...this.cookies]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
}

/**
 * Takes an authorization request through the test IdP the way a browser
 * would, without one: follows its redirects, fills in its login page when it
 * shows it, and returns the URL it finally sends the browser back to (the
 * client's redirect URI with `code` and `state`, or with `error`). With a
 * jar that still holds an IdP session, no login page comes.
 */
export async function headlessLogin(
  authorizationUrl: string,
  credentials: { username: string; password?: string },
  jar: CookieJar = new CookieJar(),
): Promise<URL> {
  const idp = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let loginPosted = false;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.origin !== idp) {
        return url;
      }
      continue;
    }
    const page = await response.text();
    if (loginPosted || !page.includes('name="password"')) {
      throw new Error(
        `The test IdP answered ${response.status} at ${url}: ${page}`,
      );
    }
    loginPosted = true;
    const posted = await fetch(new URL(`${url.pathname}/login`, idp), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        username: credentials.username,
        password: credentials.password ?? TEST_IDP_PASSWORD,
      }),
    });
    jar.take(posted);
    const next = posted.headers.get('location');
    if (!next) {
      throw new Error(
        `The test IdP refused the login of ${
          credentials.username
        }: ${await posted.text()}`,
      );
    }
    url = new URL(next, idp);
  }
  throw new Error(`Too many redirects from ${authorizationUrl}`);
}

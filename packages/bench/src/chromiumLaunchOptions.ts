/*
 * How every headless browser of this repository starts: the e2e tests
 * (playwright.config.ts at the repository root) and `yarn bench:ui`
 * (uiBench.ts). It lives here because a package may not import files from
 * outside itself; the root config may import from a package.
 *
 * Playwright cannot download its own browser here, so it drives the
 * distribution's Chromium (scripts/ensure-chromium.sh installs it);
 * E2E_CHROMIUM points at another one.
 */
export const chromiumLaunchOptions: { executablePath: string; args: string[] } =
  {
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    // Playwright adds its own fresh --user-data-dir. Without the
    // background-networking flags Chromium keeps dialling Google's hosts,
    // which this machine's closed network refuses.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };

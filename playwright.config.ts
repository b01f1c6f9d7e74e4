/*
 * Browser tests of the portal (packages/app/e2e-tests), in Debian's Chromium.
 *
 * Two sets:
 * - The portal as `./run start` serves it (project `chromium`). Run them with
 *   `scripts/e2e.sh`: it installs Chromium when missing, starts the portal the
 *   way a newcomer does, waits until it answers, runs `yarn playwright test`
 *   and stops the portal again. With a portal already running,
 *   `yarn playwright test` alone works too.
 * - The production build with OIDC sign-in through the test IdP
 *   (e2e-tests/production, project `production`): `scripts/e2e-production.sh`
 *   builds and starts it and runs them with E2E_TARGET=production. Their
 *   report goes to e2e-test-report/production.
 *
 * Playwright cannot download its own browser here, so it drives the
 * distribution's package (scripts/ensure-chromium.sh installs it); its path
 * and flags are in packages/bench/src/chromiumLaunchOptions.ts, shared with
 * `yarn bench:ui`.
 */

import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './packages/bench/src/chromiumLaunchOptions';

const production = process.env.E2E_TARGET === 'production';
const report = production ? 'e2e-test-report/production' : 'e2e-test-report';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  testMatch: '**/*.test.ts',

  // The first page load makes the dev server compile the whole frontend bundle,
  // and the catalog fills in shortly after the backend starts.
  timeout: 5 * 60_000,
  expect: { timeout: 60_000 },

  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  fullyParallel: false,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: `${report}/html` }],
    // For scripts/print-test-summary.js; a file, so stdout stays readable.
    ['json', { outputFile: `${report}/results.json` }],
  ],
  outputDir: `${report}/results`,

  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    viewport: { width: 1440, height: 900 },
    navigationTimeout: 3 * 60_000,
    actionTimeout: 60_000,
    // Tests take their own named screenshots (e2e-test-report/screenshots);
    // these are for failures only. Tracing doubles the run time on 2 cores:
    // ask for it when debugging (`yarn playwright test --trace on`).
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: chromiumLaunchOptions,
  },

  projects: production
    ? [{ name: 'production', testMatch: 'production/**/*.test.ts' }]
    : [{ name: 'chromium', testIgnore: 'production/**' }],
});

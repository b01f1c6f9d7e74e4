import { expect, test } from '@playwright/test';
import { openAs, screenshot } from './portalSession';

/*
 * The golden paths of templates/ on the Create page, registered through
 * app-config.yaml, and one of their forms with its catalog pickers.
 */

const GOLDEN_PATHS = [
  'Create a service',
  'Create a web application',
  'Create a scheduled task',
  'Promote a component',
  'Roll back a component',
  'Create an environment',
  'Connect to an endpoint',
];

test.describe('the Create page', () => {
  test('offers the choreo golden paths and opens one with its pickers', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/create', 'paula.payments');
    for (const title of GOLDEN_PATHS) {
      await expect(
        page.getByText(title, { exact: true }).first(),
      ).toBeVisible();
    }
    await screenshot(page, testInfo, 'create-page');

    await page.goto('/create/templates/default/promote-component');
    await expect(page.getByText('Promote a component').first()).toBeVisible();
    await expect(page.getByLabel(/^Component/).first()).toBeVisible();
    await expect(page.getByLabel(/^From environment/).first()).toBeVisible();
    await screenshot(page, testInfo, 'template-promote-component');
  });
});

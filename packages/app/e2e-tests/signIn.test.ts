import { expect, test } from '@playwright/test';
import {
  appShell,
  SAMPLE_PEOPLE,
  samplePersonButton,
  screenshot,
  signedInIdentity,
} from './portalSession';

/*
 * Development sign-in: the sign-in page lists the sample organization's
 * people (examples/backstage-org.yaml) with what they may do and their team;
 * picking one signs in as them, with their team's ownership from the
 * catalog; signing out comes back to the list.
 */
test.describe('development sign-in', () => {
  test('lists the sample people, signs in as one and signs out again', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    const people = page.getByRole('list', {
      name: 'People of the sample organization',
    });
    await expect(people).toBeVisible({ timeout: 180_000 });
    for (const name of Object.values(SAMPLE_PEOPLE)) {
      await expect(people.getByRole('button', { name })).toBeVisible();
    }
    await expect(samplePersonButton(page, 'rita.release')).toContainText(
      'approves promotions into production',
    );
    await expect(samplePersonButton(page, 'rita.release')).toContainText(
      'Release managers',
    );
    // No guest, and no identity provider configured in development.
    await expect(page.getByRole('button', { name: /guest/i })).toHaveCount(0);
    await screenshot(page, testInfo, 'sign-in-page');

    await samplePersonButton(page, 'rita.release').click();
    await expect(appShell(page)).toBeVisible();

    await page.goto('/settings');
    const identity = signedInIdentity(page);
    await expect(
      identity.user.getByRole('link', { name: 'Rita Release' }),
    ).toHaveAttribute('href', /\/catalog\/default\/user\/rita\.release$/);
    await expect(
      identity.ownership.getByRole('link', { name: 'Release managers' }),
    ).toHaveAttribute('href', /\/catalog\/default\/group\/release-managers$/);
    await screenshot(page, testInfo, 'sign-in-settings');

    await page.getByTestId('user-settings-menu').click();
    await page.getByTestId('sign-out').click();
    await expect(people).toBeVisible();
    // The pick is forgotten: a reload stays on the sign-in page.
    await page.reload();
    await expect(people).toBeVisible();
    await expect(appShell(page)).toHaveCount(0);
  });
});

import { expect, test } from '@playwright/test';
import { openAs, screenshot } from './portalSession';

/*
 * The Cell tab of the sample organization's Logistics project: its cell in
 * development with the Hubble overlay from examples/acme/flows.jsonl, where
 * shipping-api calls payment-gateway (project payments) over gRPC without
 * declaring the dependency, and the network policy drops it.
 */
const DROPPED =
  /Shipping API → payment-gateway \(grpc\): observed call, DROPPED \(POLICY_DENIED ×\d+\)/;

test.describe('the Cell tab', () => {
  test('shows the logistics cell with the dropped call to payment-gateway', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/catalog/acme/system/logistics/cell', 'leo.logistics');

    await expect(page.getByRole('button', { name: 'Environment' })).toHaveText(
      /Development/,
    );
    const diagram = page.getByRole('figure', {
      name: 'Cell diagram of logistics in development',
    });
    await expect(page.locator('[data-cell-diagram="ready"]')).toBeVisible();
    await expect(
      diagram.getByText('Shipping API', { exact: true }),
    ).toBeVisible();
    await expect(diagram.getByText('External ingress')).toBeVisible();

    const dropped = diagram.getByLabel(DROPPED);
    await expect(dropped).toHaveCount(1);
    await expect(dropped).toHaveClass(/cell-edge--dropped-undeclared/);
    await screenshot(page, testInfo, 'cell-tab');

    // the finding, and what "Add this dependency" would add
    const attention = page.getByRole('region', {
      name: 'Traffic that needs attention',
    });
    const finding = attention
      .getByRole('listitem')
      .filter({ hasText: 'Shipping API → payment-gateway (grpc)' });
    await expect(finding).toContainText('POLICY_DENIED');
    await finding.getByRole('button', { name: 'Show' }).click();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText(/DROPPED \(POLICY_DENIED/)).toBeVisible();
    await screenshot(page, testInfo, 'cell-dropped-flow');
    await details.getByRole('button', { name: 'Add this dependency' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('component: payment-gateway');
    await expect(dialog).toContainText('visibility: namespace');
    await screenshot(page, testInfo, 'cell-add-dependency');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

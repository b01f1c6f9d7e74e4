import { expect, test } from '@playwright/test';
import { card, openAs, row, screenshot } from './portalSession';

/*
 * What a newcomer sees after `./run start`: the embedded sample organization
 * (examples/acme) in the catalog. The names below are the display names of
 * the manifests there, as the Choreo entity provider titles its entities:
 * the control-plane namespace `acme` is the Domain "Acme Corp", projects are
 * Systems, components are Components, workload endpoints are APIs.
 */
const ORGANIZATION = {
  title: 'Acme Corp',
  description:
    'Acme Corp runs an online shop: storefront, payments and logistics teams share one OpenChoreo control-plane namespace',
  systems: ['Logistics', 'Payments', 'Storefront'],
};
const STOREFRONT = {
  title: 'Storefront',
  components: [
    'Cart service',
    'Catalog API',
    'Search indexer',
    'Session store',
    'Shop web',
  ],
};
const CATALOG_API = {
  title: 'Catalog API',
  description:
    'Product catalog: REST for services, GraphQL for the web and mobile apps',
  apis: [
    { title: 'Catalog REST API', type: 'OpenAPI' },
    { title: 'Catalog GraphQL', type: 'GraphQL' },
  ],
};

test.describe('the sample organization in the portal', () => {
  test('a person of the sample signs in and lands in the Acme Corp catalog', async ({
    page,
  }, testInfo) => {
    // Rita's team owns no components, so the catalog opens on all of them.
    await openAs(page, '/', 'rita.release');

    await expect(
      page.getByRole('heading', { name: `${ORGANIZATION.title} Catalog` }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: /All Components \(\d+\)/ }).first(),
    ).toBeVisible();
    for (const component of STOREFRONT.components) {
      await expect(row(page, component)).toBeVisible();
    }
    await screenshot(page, testInfo, 'catalog');
  });

  test("the home page is the portal's own and asks nothing of the internet", async ({
    page,
  }, testInfo) => {
    const outside: string[] = [];
    page.on('request', request => {
      const { hostname, protocol } = new URL(request.url());
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
      if (!local && protocol !== 'data:' && protocol !== 'blob:') {
        outside.push(request.url());
      }
    });
    await openAs(page, '/home', 'sam.storefront');

    // the widgets' titles are plain text, not headings
    await expect(
      page.getByText('Getting started', { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByText(/This portal is where you build, deploy and run/),
    ).toBeVisible();
    await expect(
      page.getByText('Waiting for approval', { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByText('No change is waiting for approval.'),
    ).toBeVisible();
    await expect(page.getByText('Toolkit', { exact: true })).toBeVisible();
    await expect(page.getByText(/joke|NYC|Welcome to Backstage/i)).toHaveCount(
      0,
    );
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    await screenshot(page, testInfo, 'home');
  });

  test('the Kind filter finds the organization as a domain with its projects as systems', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/', 'sam.storefront');
    await expect(
      page.getByRole('heading', { name: `${ORGANIZATION.title} Catalog` }),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Component', exact: true }).click();
    await page.getByRole('option', { name: 'Domain', exact: true }).click();
    await expect(
      page.getByRole('heading', { name: /All Domains \(\d+\)/ }).first(),
    ).toBeVisible();
    await expect(row(page, ORGANIZATION.title)).toBeVisible();
    await screenshot(page, testInfo, 'catalog-domains');

    await row(page, ORGANIZATION.title)
      .getByRole('link', { name: ORGANIZATION.title })
      .click();
    await expect(
      page.getByRole('heading', { name: ORGANIZATION.title, level: 2 }),
    ).toBeVisible();
    await expect(
      card(page, 'About').getByText(ORGANIZATION.description),
    ).toBeVisible();
    const systems = card(page, 'Has systems');
    for (const system of ORGANIZATION.systems) {
      await expect(row(systems, system)).toBeVisible();
    }
    await screenshot(page, testInfo, 'domain');
  });

  test('a project system lists its components', async ({ page }, testInfo) => {
    await openAs(page, '/catalog/acme/domain/acme', 'pat.platform');
    await row(card(page, 'Has systems'), STOREFRONT.title)
      .getByRole('link', { name: STOREFRONT.title })
      .first()
      .click();

    await expect(
      page.getByRole('heading', { name: STOREFRONT.title, level: 2 }),
    ).toBeVisible();
    const components = card(page, 'Has components');
    for (const component of STOREFRONT.components) {
      await expect(row(components, component)).toBeVisible();
    }
    await screenshot(page, testInfo, 'system');
  });

  test('a component shows the APIs its endpoints provide', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/catalog/acme/system/storefront', 'sam.storefront');
    await row(card(page, 'Has components'), CATALOG_API.title)
      .getByRole('link', { name: CATALOG_API.title })
      .click();

    await expect(
      page.getByRole('heading', { name: CATALOG_API.title, level: 2 }),
    ).toBeVisible();
    await expect(
      card(page, 'About').getByText(CATALOG_API.description),
    ).toBeVisible();
    await screenshot(page, testInfo, 'component');

    await page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'APIs' })
      .click();
    const provided = card(page, 'Provided APIs');
    for (const api of CATALOG_API.apis) {
      const apiRow = row(provided, api.title);
      await expect(apiRow).toBeVisible();
      await expect(apiRow.getByText(api.type, { exact: true })).toBeVisible();
    }
    await screenshot(page, testInfo, 'component-apis');
  });

  test('the APIs page lists the endpoints, with their definitions', async ({
    page,
  }, testInfo) => {
    await openAs(page, '/', 'sam.storefront');
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'APIs' })
      .click();

    await expect(
      page.getByRole('heading', { name: `${ORGANIZATION.title} API Explorer` }),
    ).toBeVisible();
    for (const api of CATALOG_API.apis) {
      await expect(row(page, api.title)).toBeVisible();
    }
    await screenshot(page, testInfo, 'apis');

    const rest = CATALOG_API.apis[0].title;
    await row(page, rest).getByRole('link', { name: rest }).click();
    await expect(
      page.getByRole('heading', { name: rest, level: 2 }),
    ).toBeVisible();
    // The endpoint's OpenAPI schema, rendered from the Workload.
    await expect(
      page.getByRole('button', {
        name: 'GET /products List products with paging and filters',
      }),
    ).toBeVisible();
    await expect(row(card(page, 'Providers'), CATALOG_API.title)).toBeVisible();
    await screenshot(page, testInfo, 'api-definition');
  });
});

import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { choreoApiRef } from '../../api/choreoApi';
import { ChoreoTestServer } from '../../__testUtils__/choreoTestServer';
import { MarketplacePage } from './MarketplacePage';

/*
 * The catalog is a test double (catalogApiMock: an in-memory catalog) holding
 * API and System entities shaped like the choreo catalog provider's; the
 * choreo backend (source health) is the real client against a test server.
 */

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

const system = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name,
    namespace: 'acme',
    title,
    annotations: {
      'openchoreo.dev/kind': 'Project',
      'openchoreo.dev/name': name,
      'openchoreo.dev/namespace': 'acme',
    },
  },
  spec: { owner: 'group:acme/team' },
});

const api = (o: {
  project: string;
  component: string;
  endpoint: string;
  title: string;
  type: string;
  apiType: string;
  visibility: string[];
  definition?: string;
  tags?: string[];
}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: {
    name: `${o.component}-${o.endpoint}`,
    namespace: 'acme',
    title: o.title,
    description: `${o.type} endpoint '${o.endpoint}' of component ${o.component}`,
    annotations: {
      'openchoreo.dev/kind': 'Component',
      'openchoreo.dev/name': o.component,
      'openchoreo.dev/namespace': 'acme',
      'openchoreo.dev/project': o.project,
      'openchoreo.dev/component': o.component,
      'openchoreo.dev/endpoint-name': o.endpoint,
      'openchoreo.dev/endpoint-type': o.type,
      'openchoreo.dev/endpoint-port': '8080',
      'openchoreo.dev/endpoint-visibility': o.visibility.join(','),
    },
    tags: [
      ...o.visibility.map(v => `visibility-${v}`),
      o.type.toLowerCase(),
      ...(o.tags ?? []),
    ],
  },
  spec: {
    type: o.apiType,
    lifecycle: 'production',
    owner: 'group:acme/team',
    system: `system:acme/${o.project}`,
    definition: o.definition ?? 'no definition',
  },
});

const entities = [
  system('storefront', 'Storefront'),
  system('payments', 'Payments'),
  api({
    project: 'payments',
    component: 'checkout-api',
    endpoint: 'api',
    title: 'Checkout API',
    type: 'HTTP',
    apiType: 'openapi',
    visibility: ['project', 'namespace', 'external'],
    tags: ['pci'],
    definition:
      'openapi: 3.0.3\ninfo:\n  title: Checkout\npaths:\n  /orders:\n    post: {}\n',
  }),
  api({
    project: 'storefront',
    component: 'catalog-api',
    endpoint: 'rest',
    title: 'Catalog REST API',
    type: 'HTTP',
    apiType: 'openapi',
    visibility: ['project', 'namespace', 'internal'],
  }),
  api({
    project: 'storefront',
    component: 'catalog-api',
    endpoint: 'graphql',
    title: 'Catalog GraphQL',
    type: 'GraphQL',
    apiType: 'graphql',
    visibility: ['project', 'external'],
  }),
  api({
    project: 'storefront',
    component: 'cart-service',
    endpoint: 'api',
    title: 'Cart API',
    type: 'HTTP',
    apiType: 'http',
    visibility: ['project'],
  }),
  api({
    project: 'payments',
    component: 'ledger-service',
    endpoint: 'grpc',
    title: 'Ledger gRPC',
    type: 'gRPC',
    apiType: 'grpc',
    visibility: ['project'],
  }),
];

const Location = () => {
  const location = useLocation();
  return (
    <output aria-label="location">{`${location.pathname}${location.search}`}</output>
  );
};

describe('the marketplace', () => {
  const server = new ChoreoTestServer();
  beforeAll(async () => {
    await server.start();
    server.on('GET /sources', { json: { items: [] } });
  });
  afterAll(() => server.stop());

  const render = () =>
    renderInTestApp(
      <>
        <MarketplacePage />
        <Location />
      </>,
      {
        apis: [
          [choreoApiRef, server.client()],
          [catalogApiRef, catalogApiMock({ entities })],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

  const cardTitles = () =>
    screen
      .queryAllByRole('listitem')
      .map(item =>
        within(item).getByRole('article').getAttribute('aria-label'),
      );

  it('lists the endpoints another project may connect to and says why the others are missing', async () => {
    await render();
    expect(
      await screen.findByRole('article', { name: 'Checkout API' }),
    ).toBeInTheDocument();
    expect(cardTitles()).toEqual([
      'Catalog GraphQL',
      'Catalog REST API',
      'Checkout API',
    ]);
    expect(
      screen.getByText(
        /3 endpoints you can connect to from another project\. 2 more match but their visibility keeps them inside their own project/,
      ),
    ).toBeInTheDocument();
    const checkout = screen.getByRole('article', { name: 'Checkout API' });
    expect(
      within(checkout).getByText('checkout-api · Payments'),
    ).toBeInTheDocument();
    expect(within(checkout).getByText('external')).toBeInTheDocument();
    expect(within(checkout).getByText('#pci')).toBeInTheDocument();
  });

  it('narrows the list as you type', async () => {
    await render();
    await screen.findByRole('article', { name: 'Checkout API' });
    await userEvent.type(screen.getByLabelText('Search endpoints'), 'graphql');
    expect(cardTitles()).toEqual(['Catalog GraphQL']);
    await userEvent.clear(screen.getByLabelText('Search endpoints'));
    await userEvent.type(
      screen.getByLabelText('Search endpoints'),
      'nothing like this',
    );
    expect(cardTitles()).toEqual([]);
    expect(screen.getByText('No endpoint matches')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(cardTitles()).toHaveLength(3);
  });

  it('filters by project, type and tag', async () => {
    await render();
    await screen.findByRole('article', { name: 'Checkout API' });
    const choose = async (filter: RegExp, option: string) => {
      await userEvent.click(screen.getByRole('button', { name: filter }));
      await userEvent.click(screen.getByRole('option', { name: option }));
    };
    await choose(/^Project/, 'Storefront');
    expect(cardTitles()).toEqual(['Catalog GraphQL', 'Catalog REST API']);
    await choose(/^Type/, 'GraphQL');
    expect(cardTitles()).toEqual(['Catalog GraphQL']);
    await choose(/^Project/, 'All projects');
    await choose(/^Type/, 'All types');
    await choose(/^Tag/, 'pci');
    expect(cardTitles()).toEqual(['Checkout API']);
  });

  it("adds a project's own endpoints when you connect from one of its components", async () => {
    await render();
    await screen.findByRole('article', { name: 'Checkout API' });
    await userEvent.click(
      screen.getByRole('button', { name: /^Connecting from/ }),
    );
    await userEvent.click(
      screen.getByRole('option', { name: 'A component of Storefront' }),
    );
    expect(cardTitles()).toEqual([
      'Cart API',
      'Catalog GraphQL',
      'Catalog REST API',
      'Checkout API',
    ]);
    expect(
      screen.getByText(
        /1 more match but their visibility keeps them away from Storefront/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the API definition from the catalog', async () => {
    await render();
    const checkout = await screen.findByRole('article', {
      name: 'Checkout API',
    });
    await userEvent.click(
      within(checkout).getByRole('button', { name: 'View definition' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Checkout API: API definition',
    });
    expect(
      await within(dialog).findByText(/title: Checkout/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: 'Open the API page' }),
    ).toHaveAttribute('href', '/catalog/acme/api/checkout-api-api');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Connect opens the connect-to-endpoint template with the endpoint filled in', async () => {
    await render();
    const checkout = await screen.findByRole('article', {
      name: 'Checkout API',
    });
    await userEvent.click(
      within(checkout).getByRole('link', { name: 'Connect' }),
    );
    const location =
      screen.getByRole('status', { name: 'location' }).textContent ?? '';
    const [path, search] = location.split('?');
    expect(path).toBe('/create/templates/default/connect-to-endpoint');
    expect(
      JSON.parse(new URLSearchParams(search).get('formData') ?? ''),
    ).toEqual({
      endpoint: 'api:acme/checkout-api-api',
      addressEnv: 'CHECKOUT_API_URL',
    });
  });
});

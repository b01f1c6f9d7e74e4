import {
  MarketplaceEndpoint,
  canConnect,
  connectTemplateUrl,
  suggestedAddressEnv,
} from './marketplaceEndpoints';

const endpoint = (over: Partial<MarketplaceEndpoint>): MarketplaceEndpoint => ({
  ref: 'api:acme/checkout-api-api',
  title: 'Checkout API',
  endpoint: 'api',
  component: 'checkout-api',
  project: 'payments',
  projectTitle: 'Payments',
  namespace: 'acme',
  type: 'HTTP',
  apiType: 'openapi',
  visibilities: ['project'],
  tags: [],
  ...over,
});

describe('who can connect to an endpoint', () => {
  const storefront = { namespace: 'acme', project: 'storefront' };
  const payments = { namespace: 'acme', project: 'payments' };
  const otherNamespace = { namespace: 'globex', project: 'storefront' };

  it('keeps project-only endpoints to their own project', () => {
    const e = endpoint({ visibilities: ['project'] });
    expect(canConnect(e, undefined)).toBe(false);
    expect(canConnect(e, storefront)).toBe(false);
    expect(canConnect(e, payments)).toBe(true);
  });

  it('opens namespace endpoints to every project of the namespace, and gateway endpoints to all', () => {
    const ns = endpoint({ visibilities: ['project', 'namespace'] });
    expect(canConnect(ns, storefront)).toBe(true);
    expect(canConnect(ns, otherNamespace)).toBe(false);
    expect(
      canConnect(
        endpoint({ visibilities: ['project', 'external'] }),
        otherNamespace,
      ),
    ).toBe(true);
    expect(
      canConnect(
        endpoint({ visibilities: ['project', 'internal'] }),
        undefined,
      ),
    ).toBe(true);
  });
});

describe('the connect link', () => {
  it('names the address variable after the component and endpoint', () => {
    expect(suggestedAddressEnv(endpoint({}))).toBe('CHECKOUT_API_URL');
    expect(
      suggestedAddressEnv(
        endpoint({ component: 'catalog-api', endpoint: 'rest' }),
      ),
    ).toBe('CATALOG_API_REST_URL');
  });

  it('carries the form data url-encoded', () => {
    const url = connectTemplateUrl({ endpoint: 'api:acme/checkout-api-api' });
    expect(url).toBe(
      '/create/templates/default/connect-to-endpoint?formData=%7B%22endpoint%22%3A%22api%3Aacme%2Fcheckout-api-api%22%7D',
    );
  });
});

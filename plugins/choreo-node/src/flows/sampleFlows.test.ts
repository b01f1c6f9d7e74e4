import {
  aggregateFlows,
  CellComponentNode,
  classifyObservedTraffic,
  TrafficClassification,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStore } from '../store/ChoreoStore';
import { FlowLogFileSource } from './FlowLogFileSource';
import {
  ACME_FLOWS,
  loadAcme,
  topologyOf,
} from './__testUtils__/sampleOrganization';

// Observed vs declared on the sample organization: examples/acme and its flows.jsonl.
describe('flows of the sample organization laid over its declared topology', () => {
  let store: ChoreoStore;
  let source: FlowLogFileSource;
  const classify = (project: string, environment = 'development') => {
    const topology = topologyOf(store, project, environment);
    const peers = ['storefront', 'payments', 'logistics']
      .flatMap(p => topologyOf(store, p, environment).nodes)
      .filter(
        (n): n is CellComponentNode => n.kind === 'component' && n.inCell,
      );
    return classifyObservedTraffic(
      aggregateFlows(source.recent(), {
        filter: { cpNamespace: 'acme', environment, project },
      }),
      topology,
      { peers },
    );
  };
  const ids = (c: TrafficClassification, cls: string) =>
    c.edges.filter(e => e.class === cls).map(e => e.id);

  beforeAll(async () => {
    store = await loadAcme();
    source = new FlowLogFileSource({ path: ACME_FLOWS, follow: false });
    await source.start();
  });

  it('reads every flow of the export', () => {
    expect(source.status()).toMatchObject({
      state: 'streaming',
      received: 76,
      invalid: 0,
    });
  });

  it('finds the dropped shipping-api -> payment-gateway call and the dependency that would allow it', () => {
    const payments = classify('payments');
    const [drop] = payments.edges.filter(e => e.class === 'dropped-undeclared');
    expect(drop).toMatchObject({
      from: 'component:acme/logistics/shipping-api',
      to: 'component:acme/payments/payment-gateway',
      port: 9090,
      endpoint: 'grpc',
      observed: {
        verdicts: { dropped: 4, forwarded: 0 },
        dropReasons: { POLICY_DENIED: 4 },
      },
      suggestion: {
        from: { project: 'logistics', component: 'shipping-api' },
        project: 'payments',
        component: 'payment-gateway',
        name: 'grpc',
        visibility: 'namespace',
        endpointNeedsVisibility: 'namespace',
      },
    });
    // the same drop, seen from the caller's cell
    expect(ids(classify('logistics'), 'dropped-undeclared')).toContain(drop.id);
  });

  it('finds the dropped warehouse-service -> cart-service call', () => {
    const [drop] = classify('storefront').edges.filter(
      e => e.class === 'dropped-undeclared',
    );
    expect(drop.suggestion).toEqual({
      from: { project: 'logistics', component: 'warehouse-service' },
      project: 'storefront',
      component: 'cart-service',
      name: 'api',
      visibility: 'namespace',
      endpointNeedsVisibility: 'namespace',
    });
  });

  it('flags search-indexer -> cart-service as flowing but undeclared', () => {
    const storefront = classify('storefront');
    expect(
      storefront.edges.filter(e => e.class === 'flowing-undeclared'),
    ).toEqual([
      expect.objectContaining({
        from: 'component:acme/storefront/search-indexer',
        to: 'component:acme/storefront/cart-service',
        endpoint: 'api',
        suggestion: expect.objectContaining({
          component: 'cart-service',
          name: 'api',
          visibility: 'project',
        }),
      }),
    ]);
  });

  it('marks declared dependencies and gateway routes with traffic as flowing', () => {
    const storefront = classify('storefront');
    expect(ids(storefront, 'declared-flowing')).toEqual(
      expect.arrayContaining([
        'component:acme/storefront/shop-web->component:acme/storefront/catalog-api#rest',
        'component:acme/storefront/shop-web->component:acme/storefront/cart-service#api',
        'component:acme/storefront/shop-web->component:acme/payments/checkout-api#api',
        'component:acme/storefront/cart-service->component:acme/storefront/session-store#redis',
        'component:acme/storefront/search-indexer->component:acme/storefront/catalog-api#rest',
        'component:acme/logistics/warehouse-service->component:acme/storefront/catalog-api#rest',
        'gateway:ingress:external->component:acme/storefront/shop-web#web',
        'gateway:ingress:external->component:acme/storefront/catalog-api#graphql',
      ]),
    );
    expect(ids(classify('payments'), 'declared-flowing')).toContain(
      'gateway:ingress:internal->component:acme/payments/payment-gateway#admin',
    );
  });

  it('lists declared traffic that never showed up', () => {
    expect(ids(classify('payments'), 'declared-unseen')).toContain(
      'component:acme/payments/settlement-job->component:acme/payments/ledger-service#grpc',
    );
    expect(classify('storefront').counts['declared-dropped']).toBe(0);
  });
});

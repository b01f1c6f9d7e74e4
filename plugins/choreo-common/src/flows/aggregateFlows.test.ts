import {
  componentEndpoint,
  gatewayEndpoint,
  httpCall,
  hubbleFlow,
} from './__testUtils__/hubbleFixtures';
import { aggregateFlows, FlowAggregator } from './aggregateFlows';
import { decodeHubbleJsonFlow } from './hubbleFlow';
import { FlowRecord } from './flowRecord';

const decodeAll = (lines: object[]): FlowRecord[] =>
  lines.map(l => {
    const r = decodeHubbleJsonFlow(l);
    if (!r.record) throw new Error(r.problem);
    return r.record;
  });

const web = componentEndpoint('storefront', 'shop-web');
const api = componentEndpoint('storefront', 'catalog-api');
const cart = componentEndpoint('storefront', 'cart-service');
const warehouse = componentEndpoint('logistics', 'warehouse-service');

describe('aggregateFlows', () => {
  it('folds responses onto the request edge and counts verdicts, L7 protocols and statuses', () => {
    const flows = decodeAll([
      ...httpCall(web, api, 8080, 200),
      ...httpCall(web, api, 8080, 503),
      ...httpCall(gatewayEndpoint('external'), web, 3000, 200),
      hubbleFlow({
        source: warehouse,
        destination: cart,
        dport: 8080,
        drop: true,
      }),
      hubbleFlow({
        source: warehouse,
        destination: cart,
        dport: 8080,
        drop: true,
      }),
    ]);
    const { edges, flows: counted } = aggregateFlows(flows);
    expect(counted).toBe(8);
    expect(edges.map(e => e.id)).toEqual([
      'component:acme/logistics/warehouse-service->component:acme/storefront/cart-service:8080@development',
      'component:acme/storefront/shop-web->component:acme/storefront/catalog-api:8080@development',
      'gateway:ingress:external->component:acme/storefront/shop-web:3000@development',
    ]);
    const [drop, call] = edges;
    expect(drop).toMatchObject({
      flows: 2,
      port: 8080,
      protocol: 'TCP',
      verdicts: { forwarded: 0, dropped: 2, error: 0, audit: 0, other: 0 },
      dropReasons: { POLICY_DENIED: 2 },
      l7: {},
    });
    expect(call).toMatchObject({
      from: 'component:acme/storefront/shop-web',
      to: 'component:acme/storefront/catalog-api',
      environment: 'development',
      flows: 4,
      verdicts: { forwarded: 4, dropped: 0 },
      l7: { http: 4 },
      httpStatus: { '200': 1, '503': 1 },
    });
    expect(call.firstSeen <= call.lastSeen).toBe(true);
  });

  it('keeps environments apart and applies the window and the cell filter', () => {
    const prodWeb = componentEndpoint('storefront', 'shop-web', 'production');
    const prodApi = componentEndpoint(
      'storefront',
      'catalog-api',
      'production',
    );
    const flows = decodeAll([
      hubbleFlow({
        time: '2026-08-24T09:00:00Z',
        source: web,
        destination: api,
        dport: 8080,
      }),
      hubbleFlow({
        time: '2026-08-24T10:00:00Z',
        source: web,
        destination: api,
        dport: 8080,
      }),
      hubbleFlow({
        time: '2026-08-24T10:00:00Z',
        source: prodWeb,
        destination: prodApi,
        dport: 8080,
      }),
    ]);
    expect(aggregateFlows(flows).edges.map(e => e.environment)).toEqual([
      'development',
      'production',
    ]);
    const windowed = aggregateFlows(flows, {
      window: { sinceMs: Date.parse('2026-08-24T09:30:00Z') },
      filter: { cpNamespace: 'acme', environment: 'development' },
    });
    expect(windowed.flows).toBe(1);
    expect(windowed.edges).toHaveLength(1);
    expect(windowed.edges[0]).toMatchObject({
      environment: 'development',
      lastSeen: '2026-08-24T10:00:00Z',
    });
  });

  it('aggregates incrementally', () => {
    const aggregator = new FlowAggregator();
    const [first, second] = decodeAll(httpCall(web, api, 8080));
    expect(aggregator.add(first)).toBe(true);
    expect(aggregator.result().edges[0].flows).toBe(1);
    aggregator.add(second);
    expect(aggregator.result().edges[0].flows).toBe(2);
  });
});

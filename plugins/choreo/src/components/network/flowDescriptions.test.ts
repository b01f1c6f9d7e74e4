import { FlowRecord } from '@choreo-for-backstage/plugin-choreo-common';
import {
  dropReasonText,
  endpointLabel,
  flowTime,
  l7Summary,
} from './flowDescriptions';

const base: FlowRecord = {
  time: '2026-08-24T09:20:00.003957101Z',
  timeMs: 0,
  verdict: 'FORWARDED',
  source: { id: 'world', identity: { kind: 'world' }, ip: '203.0.113.47' },
  destination: {
    id: 'gateway:ingress:external',
    identity: { kind: 'gateway', scope: 'external' },
  },
  trafficDirection: 'INGRESS',
};

describe('flow descriptions', () => {
  it('names peers the way their owners do', () => {
    expect(endpointLabel(base.source)).toBe('world (203.0.113.47)');
    expect(endpointLabel(base.destination)).toBe('external gateway');
    expect(
      endpointLabel({
        id: 'component:acme/storefront/cart-service',
        identity: {
          kind: 'component',
          cpNamespace: 'acme',
          project: 'storefront',
          component: 'cart-service',
          environment: 'development',
        },
      }),
    ).toBe('storefront/cart-service');
  });

  it('summarises HTTP, gRPC and DNS', () => {
    expect(
      l7Summary({
        ...base,
        l7: {
          type: 'RESPONSE',
          protocol: 'http',
          method: 'POST',
          path: '/orders',
          statusCode: 503,
          latencyMs: 12,
        },
      }),
    ).toBe('POST /orders → 503 (12 ms)');
    expect(
      l7Summary({
        ...base,
        l7: {
          type: 'RESPONSE',
          protocol: 'grpc',
          path: '/ledger.Ledger/Post',
          grpcStatus: 7,
        },
      }),
    ).toBe('/ledger.Ledger/Post → grpc-status 7');
    expect(
      l7Summary({
        ...base,
        l7: { type: 'REQUEST', protocol: 'dns', dnsQuery: 'example.com.' },
      }),
    ).toBe('DNS example.com.');
    expect(l7Summary(base)).toBeUndefined();
  });

  it('shows the time to the millisecond and drop reasons as words', () => {
    expect(flowTime(base)).toBe('2026-08-24 09:20:00.003');
    expect(dropReasonText('POLICY_DENIED')).toBe('Policy denied');
  });
});

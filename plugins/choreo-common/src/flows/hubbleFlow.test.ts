import {
  componentEndpoint,
  gatewayEndpoint,
  httpCall,
  hubbleFlow,
  worldEndpoint,
} from './__testUtils__/hubbleFixtures';
import { decodeHubbleJsonFlow, flowRecordFromHubble } from './hubbleFlow';
import { flowMatchesCell, FlowRecord, hubbleCellSelector } from './flowRecord';

// one line as `hubble observe -o json` prints a policy drop (labels shortened)
const DROPPED_LINE = JSON.stringify({
  flow: {
    time: '2026-08-24T09:21:20.970819751Z',
    uuid: '29cefcf7-02ca-44d4-a5cd-0d33ea7eaf2b',
    verdict: 'DROPPED',
    drop_reason: 133,
    IP: {
      source: '10.244.3.65',
      destination: '10.244.2.182',
      ipVersion: 'IPv4',
    },
    l4: {
      TCP: { source_port: 47928, destination_port: 9090, flags: { SYN: true } },
    },
    source: componentEndpoint('logistics', 'shipping-api'),
    destination: componentEndpoint('payments', 'payment-gateway'),
    Type: 'L3_L4',
    node_name: 'acme-eu-west-1-worker-b',
    event_type: { type: 5 },
    traffic_direction: 'INGRESS',
    drop_reason_desc: 'POLICY_DENIED',
    is_reply: false,
    Summary: 'TCP Flags: SYN',
  },
  node_name: 'acme-eu-west-1-worker-b',
  time: '2026-08-24T09:21:20.970819751Z',
});

const decode = (line: unknown): FlowRecord => {
  const result = decodeHubbleJsonFlow(line);
  if (!result.record) throw new Error(result.problem);
  return result.record;
};

describe('decodeHubbleJsonFlow', () => {
  it('decodes a policy drop between two components of different projects', () => {
    const r = decode(DROPPED_LINE);
    expect(r).toMatchObject({
      time: '2026-08-24T09:21:20.970819751Z',
      timeMs: Date.parse('2026-08-24T09:21:20.970Z'),
      verdict: 'DROPPED',
      dropReason: 'POLICY_DENIED',
      protocol: 'TCP',
      trafficDirection: 'INGRESS',
      isReply: false,
      nodeName: 'acme-eu-west-1-worker-b',
      source: {
        id: 'component:acme/logistics/shipping-api',
        identity: {
          kind: 'component',
          cpNamespace: 'acme',
          project: 'logistics',
          component: 'shipping-api',
          environment: 'development',
        },
        port: 47928,
        workload: 'shipping-api-development-abc',
      },
      destination: {
        id: 'component:acme/payments/payment-gateway',
        port: 9090,
        namespace: 'dp-acme-payments-development-00000000',
      },
    });
  });

  it('names a drop reason from the deprecated number when the description is missing', () => {
    const line = JSON.parse(DROPPED_LINE);
    delete line.flow.drop_reason_desc;
    expect(decode(line).dropReason).toBe('POLICY_DENIED');
  });

  it('decodes L7 HTTP and gRPC requests and responses', () => {
    const [req, res] = httpCall(
      gatewayEndpoint('external'),
      componentEndpoint('storefront', 'shop-web'),
      3000,
      404,
    ).map(decode);
    expect(req.source.id).toBe('gateway:ingress:external');
    expect(req.l7).toEqual({
      type: 'REQUEST',
      protocol: 'http',
      method: 'GET',
      url: 'http://svc:8080/items?x=1',
      path: '/items',
    });
    expect(res).toMatchObject({
      isReply: true,
      l7: {
        type: 'RESPONSE',
        protocol: 'http',
        statusCode: 404,
        latencyMs: 12.5,
      },
    });
    const [greq, gres] = httpCall(
      componentEndpoint('payments', 'checkout-api'),
      componentEndpoint('payments', 'ledger-service'),
      9090,
      200,
      true,
    ).map(decode);
    expect(greq.l7).toMatchObject({
      protocol: 'grpc',
      path: '/acme.v1.Svc/Do',
    });
    expect(gres.l7).toMatchObject({
      protocol: 'grpc',
      grpcStatus: 0,
      statusCode: 200,
    });
  });

  it('recognises the world, internal gateways and pods OpenChoreo did not render', () => {
    const r = decode(
      hubbleFlow({
        source: worldEndpoint,
        destination: gatewayEndpoint('internal'),
        dport: 443,
      }),
    );
    expect(r.source).toMatchObject({
      id: 'world',
      identity: { kind: 'world' },
    });
    expect(r.destination.identity).toEqual({
      kind: 'gateway',
      scope: 'internal',
    });
    const dns = decode(
      hubbleFlow({
        source: componentEndpoint('storefront', 'cart-service'),
        destination: {
          namespace: 'kube-system',
          labels: ['k8s:k8s-app=kube-dns'],
          pod_name: 'coredns-1',
          workloads: [{ name: 'coredns', kind: 'Deployment' }],
        },
        dport: 53,
      }),
    );
    expect(dns.destination).toMatchObject({
      id: 'pod:kube-system/coredns',
      identity: { kind: 'pod' },
    });
  });

  it('accepts protobuf-decoded objects: timestamps, BoolValue, enum numbers', () => {
    const result = flowRecordFromHubble({
      time: { seconds: '1787563200', nanos: 127787 },
      verdict: 2,
      drop_reason_desc: 133,
      is_reply: { value: true },
      traffic_direction: 2,
      source: componentEndpoint('storefront', 'shop-web'),
      destination: worldEndpoint,
      l4: { UDP: { source_port: 5000, destination_port: 53 } },
    });
    expect(result).toEqual({
      record: expect.objectContaining({
        time: '2026-08-24T09:20:00.000127787Z',
        timeMs: 1787563200000,
        verdict: 'DROPPED',
        dropReason: 'POLICY_DENIED',
        isReply: true,
        trafficDirection: 'EGRESS',
        protocol: 'UDP',
      }),
    });
  });

  it('reports garbage as problems instead of throwing', () => {
    expect(decodeHubbleJsonFlow('{"flow": ')).toEqual({
      problem: expect.stringMatching(/^not JSON/),
    });
    expect(decodeHubbleJsonFlow('[1,2]')).toEqual({
      problem: 'not a JSON object',
    });
    expect(decodeHubbleJsonFlow('{"flow": {"verdict": "FORWARDED"}}')).toEqual({
      problem: 'flow has no time',
    });
    expect(
      decodeHubbleJsonFlow('{"flow": {"time": "yesterday", "verdict": 1}}'),
    ).toEqual({
      problem: "flow has an unreadable time 'yesterday'",
    });
    expect(decodeHubbleJsonFlow('{"hello": "world"}').problem).toMatch(
      /no time/,
    );
    expect(
      decodeHubbleJsonFlow(
        '{"lost_events": {"num_events_lost": 3}, "time": "2026-01-01T00:00:00Z"}',
      ),
    ).toEqual({ problem: 'not a flow (lost_events)', ignorable: true });
  });

  it('tolerates missing fields', () => {
    const r = decode('{"time": "2026-08-24T09:20:00Z", "verdict": "AUDIT"}');
    expect(r).toMatchObject({
      verdict: 'AUDIT',
      source: { id: 'unknown' },
      destination: { id: 'unknown' },
      trafficDirection: 'UNKNOWN',
    });
    expect(r.protocol).toBeUndefined();
  });
});

describe('cell filters', () => {
  it('match flows whose source or destination is in the cell, as Hubble whitelists do', () => {
    const r = decode(DROPPED_LINE);
    const cell = { cpNamespace: 'acme', environment: 'development' };
    expect(flowMatchesCell(r, { ...cell, project: 'payments' })).toBe(true);
    expect(
      flowMatchesCell(r, {
        ...cell,
        project: 'logistics',
        component: 'shipping-api',
      }),
    ).toBe(true);
    expect(flowMatchesCell(r, { ...cell, project: 'storefront' })).toBe(false);
    expect(
      flowMatchesCell(r, { cpNamespace: 'acme', environment: 'production' }),
    ).toBe(false);
    expect(hubbleCellSelector({ ...cell, project: 'payments' })).toBe(
      'k8s:openchoreo.dev/namespace=acme,k8s:openchoreo.dev/environment=development,k8s:openchoreo.dev/project=payments',
    );
  });
});

import { WorkloadTemplateSpec } from '../resources';
import { CellComponentNode, computeCellTopology } from '../domain/cellTopology';
import {
  componentEndpoint,
  gatewayEndpoint,
  httpCall,
  hubbleFlow,
} from './__testUtils__/hubbleFixtures';
import { aggregateFlows } from './aggregateFlows';
import { classifyObservedTraffic } from './classifyObservedTraffic';
import { decodeHubbleJsonFlow } from './hubbleFlow';
import { FlowRecord } from './flowRecord';

const decodeAll = (lines: object[]): FlowRecord[] =>
  lines.map(l => decodeHubbleJsonFlow(l).record as FlowRecord);

const workload = (
  endpoints: WorkloadTemplateSpec['endpoints'],
  deps: Array<{ component: string; name: string; project?: string }> = [],
): WorkloadTemplateSpec => ({
  container: { image: 'img' },
  endpoints,
  dependencies: {
    endpoints: deps.map(d => ({
      ...d,
      visibility: d.project ? 'namespace' : 'project',
      envBindings: {},
    })),
  },
});

// shop: web -> api (declared), worker -> api (declared, never seen);
// other project: billing.grpc (project only)
const topology = computeCellTopology({
  namespace: 'acme',
  project: 'shop',
  environment: 'development',
  components: [
    {
      project: 'shop',
      name: 'web',
      workload: workload(
        { ui: { type: 'HTTP', port: 3000, visibility: ['external'] } },
        [{ component: 'api', name: 'rest' }],
      ),
    },
    {
      project: 'shop',
      name: 'api',
      workload: workload({ rest: { type: 'HTTP', port: 8080 } }),
    },
    {
      project: 'shop',
      name: 'worker',
      workload: workload({}, [{ component: 'api', name: 'rest' }]),
    },
  ],
});
const billing = computeCellTopology({
  namespace: 'acme',
  project: 'billing',
  environment: 'development',
  components: [
    {
      project: 'billing',
      name: 'ledger',
      workload: workload({ grpc: { type: 'gRPC', port: 9090 } }),
    },
  ],
}).nodes.filter((n): n is CellComponentNode => n.kind === 'component');

const ep = (project: string, component: string) =>
  componentEndpoint(project, component);

describe('classifyObservedTraffic', () => {
  const flows = decodeAll([
    ...httpCall(ep('shop', 'web'), ep('shop', 'api'), 8080),
    ...httpCall(gatewayEndpoint('external'), ep('shop', 'web'), 3000),
    ...httpCall(ep('shop', 'api'), ep('shop', 'web'), 3000),
    hubbleFlow({
      source: ep('shop', 'api'),
      destination: ep('billing', 'ledger'),
      dport: 9090,
      drop: true,
    }),
    hubbleFlow({
      source: ep('shop', 'web'),
      destination: { labels: ['reserved:world'] },
      dport: 443,
    }),
  ]);
  const result = classifyObservedTraffic(aggregateFlows(flows), topology, {
    peers: billing,
  });
  const byClass = (c: string) =>
    result.edges.filter(e => e.class === c).map(e => e.id);

  it('marks declared dependencies and gateway routes with traffic as flowing', () => {
    expect(byClass('declared-flowing')).toEqual([
      'component:acme/shop/web->component:acme/shop/api#rest',
      'gateway:ingress:external->component:acme/shop/web#ui',
    ]);
  });

  it('lists declared dependencies nobody used', () => {
    expect(byClass('declared-unseen')).toEqual([
      'component:acme/shop/worker->component:acme/shop/api#rest',
    ]);
  });

  it('flags forwarded traffic that nothing declares', () => {
    const [edge] = result.edges.filter(e => e.class === 'flowing-undeclared');
    expect(edge).toMatchObject({
      from: 'component:acme/shop/api',
      to: 'component:acme/shop/web',
      endpoint: 'ui',
      suggestion: { component: 'web', name: 'ui', visibility: 'project' },
    });
  });

  it('suggests the dependency that would allow a dropped call', () => {
    const [edge] = result.edges.filter(e => e.class === 'dropped-undeclared');
    expect(edge.suggestion).toEqual({
      from: { project: 'shop', component: 'api' },
      project: 'billing',
      component: 'ledger',
      name: 'grpc',
      visibility: 'namespace',
      endpointNeedsVisibility: 'namespace',
    });
    expect(edge.message).toMatch(
      /api has no dependency on billing\/ledger\.grpc/,
    );
  });

  it('keeps traffic the declared model does not cover apart', () => {
    expect(result.unclassified.map(e => e.to)).toEqual(['world']);
    expect(result.counts).toEqual({
      'declared-flowing': 2,
      'declared-dropped': 0,
      'declared-unseen': 1,
      'dropped-undeclared': 1,
      'flowing-undeclared': 1,
    });
  });

  it('reports a declared dependency the policy drops', () => {
    const dropped = classifyObservedTraffic(
      aggregateFlows(
        decodeAll([
          hubbleFlow({
            source: ep('shop', 'web'),
            destination: ep('shop', 'api'),
            dport: 8080,
            drop: true,
          }),
        ]),
      ),
      topology,
    );
    expect(
      dropped.edges.find(e => e.class === 'declared-dropped'),
    ).toMatchObject({
      id: 'component:acme/shop/web->component:acme/shop/api#rest',
      message: 'Declared, but the network policy drops this traffic',
    });
  });
});

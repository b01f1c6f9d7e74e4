import {
  CellComponentNode,
  CellEdge,
  CellEndpoint,
  CellTopology,
  ClassifiedTraffic,
  FlowEdge,
  FlowSnapshot,
} from '@choreo-for-backstage/plugin-choreo-common';

/**
 * The logistics cell of the sample organization (examples/acme) in
 * development, trimmed to what the tests look at, with the traffic the
 * sample's flow export shows: shipping-api calling payment-gateway's gRPC
 * endpoint in another project without declaring it, dropped by policy.
 */

const id = (project: string, name: string) =>
  `component:acme/${project}/${name}`;

function endpoint(
  componentId: string,
  name: string,
  port: number,
  visibility: CellEndpoint['visibility'],
): CellEndpoint {
  return {
    id: `${componentId}#${name}`,
    name,
    type: name === 'grpc' ? 'gRPC' : 'HTTP',
    port,
    visibility,
  };
}

export function component(
  project: string,
  name: string,
  options: {
    displayName?: string;
    inCell?: boolean;
    endpoints?: Array<[string, number, CellEndpoint['visibility']]>;
    state?: 'ready' | 'failed' | 'not-deployed';
  } = {},
): CellComponentNode {
  const cid = id(project, name);
  const groups: CellComponentNode['endpoints'] = {
    project: [],
    namespace: [],
    internal: [],
    external: [],
  };
  for (const [ep, port, vis] of options.endpoints ?? []) {
    const e = endpoint(cid, ep, port, vis);
    vis.forEach(v => groups[v].push(e));
  }
  const state = options.state ?? 'ready';
  return {
    id: cid,
    kind: 'component',
    project,
    name,
    displayName: options.displayName,
    inCell: options.inCell ?? true,
    status:
      state === 'not-deployed'
        ? { state, message: 'Not deployed to development' }
        : {
            state,
            message: state === 'ready' ? 'Running' : 'CrashLoopBackOff',
          },
    releaseName: `${name}-r1`,
    endpoints: groups,
  };
}

const EDGE_VISIBILITY = {
  'north-south': 'external',
  'cross-project': 'namespace',
  'east-west': 'project',
} as const;

const edge = (
  from: string,
  to: string,
  endpointName: string,
  kind: CellEdge['kind'],
): CellEdge => ({
  id: `${from}->${to}#${endpointName}`,
  kind,
  from,
  to,
  endpoint: endpointName,
  visibility: EDGE_VISIBILITY[kind],
});

export const SHIPPING = id('logistics', 'shipping-api');
export const TRACKING = id('logistics', 'tracking-web');
export const WAREHOUSE = id('logistics', 'warehouse-service');
export const PAYMENT_GATEWAY = id('payments', 'payment-gateway');
export const DROPPED_EDGE_ID = `${SHIPPING}->${PAYMENT_GATEWAY}:9090@development`;

export function logisticsTopology(environment = 'development'): CellTopology {
  const nodes = [
    component('logistics', 'shipping-api', {
      displayName: 'Shipping API',
      endpoints: [['rest', 8080, ['project', 'namespace', 'external']]],
    }),
    component('logistics', 'tracking-web', {
      displayName: 'Tracking web',
      endpoints: [['web', 3000, ['project', 'external']]],
    }),
    component('logistics', 'warehouse-service', {
      displayName: 'Warehouse service',
      endpoints: [['grpc', 9090, ['project']]],
      state: 'failed',
    }),
  ];
  const gw = 'gateway:ingress:external';
  return {
    namespace: 'acme',
    project: 'logistics',
    environment,
    cellNamespace: `dp-acme-logistics-${environment}-1234`,
    nodes: [
      ...nodes,
      { id: gw, kind: 'gateway', direction: 'ingress', scope: 'external' },
    ],
    edges: [
      edge(gw, SHIPPING, 'rest', 'north-south'),
      edge(gw, TRACKING, 'web', 'north-south'),
      edge(SHIPPING, WAREHOUSE, 'grpc', 'east-west'),
      edge(TRACKING, SHIPPING, 'rest', 'east-west'),
    ],
  };
}

function observed(
  from: string,
  to: string,
  port: number,
  forwarded: number,
  dropped: number,
): FlowEdge {
  const identity = (cid: string) => {
    const [, ns, project, name] = /^component:([^/]+)\/([^/]+)\/(.+)$/.exec(
      cid,
    )!;
    return {
      kind: 'component',
      cpNamespace: ns,
      project,
      component: name,
      environment: 'development',
    } as unknown as FlowEdge['fromIdentity'];
  };
  return {
    id: `${from}->${to}:${port}@development`,
    from,
    to,
    fromIdentity: identity(from),
    toIdentity: identity(to),
    environment: 'development',
    port,
    protocol: 'TCP',
    flows: forwarded + dropped,
    verdicts: { forwarded, dropped, error: 0, audit: 0, other: 0 },
    dropReasons: dropped ? { POLICY_DENIED: dropped } : {},
    l7: {},
    httpStatus: {},
    grpcStatus: {},
    firstSeen: '2026-08-24T09:20:00Z',
    lastSeen: '2026-08-24T09:25:00Z',
  };
}

export function logisticsFlows(environment = 'development'): FlowSnapshot {
  const flowing = observed(TRACKING, SHIPPING, 8080, 12, 0);
  const drop = observed(SHIPPING, PAYMENT_GATEWAY, 9090, 0, 4);
  const edges: ClassifiedTraffic[] = [
    {
      id: `${TRACKING}->${SHIPPING}#rest`,
      class: 'declared-flowing',
      from: TRACKING,
      to: SHIPPING,
      endpoint: 'rest',
      port: 8080,
      observed: flowing,
    },
    {
      id: drop.id,
      class: 'dropped-undeclared',
      from: SHIPPING,
      to: PAYMENT_GATEWAY,
      endpoint: 'grpc',
      port: 9090,
      observed: drop,
      suggestion: {
        from: { project: 'logistics', component: 'shipping-api' },
        project: 'payments',
        component: 'payment-gateway',
        name: 'grpc',
        visibility: 'namespace',
        endpointNeedsVisibility: 'namespace',
      },
      message:
        "shipping-api has no dependency on payments/payment-gateway.grpc; declare it to allow this traffic (and give endpoint 'grpc' namespace visibility)",
    },
  ];
  return {
    namespace: 'acme',
    project: 'logistics',
    environment,
    window: { seconds: 900 },
    flows: 16,
    edges,
    unclassified: [],
    counts: {
      'declared-flowing': 1,
      'declared-dropped': 0,
      'declared-unseen': 2,
      'dropped-undeclared': 1,
      'flowing-undeclared': 0,
    },
  };
}

/** A cell of `count` components, each calling up to two earlier ones: the size the diagram must handle. */
export function largeTopology(count: number, project = 'big'): CellTopology {
  const nodes: CellComponentNode[] = [];
  const edges: CellEdge[] = [];
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`;
    nodes.push(
      component(project, name, {
        endpoints: [
          ['api', 8080, ['project']],
          ['grpc', 9090, ['project', 'namespace']],
        ],
      }),
    );
    for (const j of [Math.floor(i / 2), Math.floor(i / 3)]) {
      if (
        j < i &&
        !edges.some(e => e.from === nodes[i].id && e.to === nodes[j].id)
      ) {
        edges.push(edge(nodes[i].id, nodes[j].id, 'api', 'east-west'));
      }
    }
  }
  return {
    namespace: 'acme',
    project,
    environment: 'development',
    cellNamespace: `dp-${project}`,
    nodes,
    edges,
  };
}

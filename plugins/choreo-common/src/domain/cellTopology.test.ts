import { ReleaseBinding, WorkloadTemplateSpec } from '../resources';
import { CellComponentInput, computeCellTopology } from './cellTopology';

const workload = (
  endpoints: WorkloadTemplateSpec['endpoints'],
  dependencies: NonNullable<
    WorkloadTemplateSpec['dependencies']
  >['endpoints'] = [],
): WorkloadTemplateSpec => ({
  container: { image: 'img' },
  endpoints,
  dependencies: { endpoints: dependencies },
});

const readyBinding = (
  component: string,
  extra: Partial<NonNullable<ReleaseBinding['status']>> = {},
): ReleaseBinding => ({
  apiVersion: 'openchoreo.dev/v1alpha1',
  kind: 'ReleaseBinding',
  metadata: { name: `${component}-dev`, namespace: 'acme' },
  spec: {
    owner: { projectName: 'shop', componentName: component },
    environment: 'dev',
    releaseName: `${component}-1`,
  },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'Ready',
        message: '',
        lastTransitionTime: '2026-01-01T00:00:00Z',
      },
    ],
    ...extra,
  },
});

const dep = (component: string, name: string, project?: string) => ({
  component,
  name,
  project,
  visibility: (project ? 'namespace' : 'project') as 'namespace' | 'project',
  envBindings: {},
});

const shop: CellComponentInput[] = [
  {
    project: 'shop',
    name: 'web',
    workload: workload(
      { http: { type: 'HTTP', port: 80, visibility: ['external'] } },
      [dep('api', 'rest')],
    ),
    binding: readyBinding('web'),
  },
  {
    project: 'shop',
    name: 'api',
    workload: workload(
      {
        rest: {
          type: 'HTTP',
          port: 8080,
          visibility: ['namespace', 'internal'],
        },
      },
      [
        dep('db', 'sql'),
        dep('billing', 'api', 'payments'),
        dep('api', 'missing'),
      ],
    ),
    binding: readyBinding('api', {
      resolvedConnections: [
        {
          namespace: 'acme',
          project: 'payments',
          component: 'billing',
          endpoint: 'api',
          visibility: 'namespace',
          url: { host: 'billing' },
        },
      ],
    }),
  },
  {
    project: 'shop',
    name: 'db',
    workload: workload({ sql: { type: 'TCP', port: 5432 } }),
  },
];

const billing: CellComponentInput = {
  project: 'payments',
  name: 'billing',
  workload: workload({
    api: { type: 'HTTP', port: 8080, visibility: ['namespace'] },
  }),
};
const reporting: CellComponentInput = {
  project: 'analytics',
  name: 'reports',
  workload: workload({}, [
    dep('api', 'rest', 'shop'),
    dep('billing', 'api', 'payments'),
  ]),
};

describe('computeCellTopology', () => {
  const topology = computeCellTopology({
    namespace: 'acme',
    project: 'shop',
    environment: 'dev',
    components: shop,
    otherComponents: [billing, reporting],
    egress: { external: true },
  });
  const node = (id: string) => topology.nodes.find(n => n.id === id);

  it('shows each component of the cell with its status in the environment and endpoints by visibility', () => {
    const api = node('component:acme/shop/api');
    expect(api).toMatchObject({
      inCell: true,
      status: { state: 'ready' },
      releaseName: 'api-1',
    });
    if (api?.kind !== 'component') throw new Error('not a component');
    expect(api.endpoints.project.map(e => e.id)).toEqual([
      'component:acme/shop/api#rest',
    ]);
    expect(api.endpoints.namespace.map(e => e.name)).toEqual(['rest']);
    expect(api.endpoints.internal.map(e => e.name)).toEqual(['rest']);
    expect(api.endpoints.external).toEqual([]);
    expect(node('component:acme/shop/db')).toMatchObject({
      status: { state: 'not-deployed' },
    });
  });

  it('draws east-west edges inside the project and cross-project edges both ways', () => {
    expect(
      topology.edges
        .filter(e => e.kind !== 'north-south')
        .map(e => [
          e.kind,
          e.from,
          e.to,
          e.endpoint,
          e.connection ?? '-',
          e.problem ?? '',
        ]),
    ).toEqual([
      [
        'cross-project',
        'component:acme/analytics/reports',
        'component:acme/shop/api',
        'rest',
        '-',
        '',
      ],
      [
        'cross-project',
        'component:acme/shop/api',
        'component:acme/payments/billing',
        'api',
        'resolved',
        '',
      ],
      [
        'east-west',
        'component:acme/shop/api',
        'component:acme/shop/api',
        'missing',
        '-',
        "Component 'shop/api' has no endpoint 'missing'",
      ],
      [
        'east-west',
        'component:acme/shop/api',
        'component:acme/shop/db',
        'sql',
        '-',
        '',
      ],
      [
        'east-west',
        'component:acme/shop/web',
        'component:acme/shop/api',
        'rest',
        '-',
        '',
      ],
    ]);
    // the analytics -> payments dependency does not touch this cell
    expect(
      topology.edges.some(
        e => e.from.includes('analytics') && e.to.includes('payments'),
      ),
    ).toBe(false);
    expect(node('component:acme/payments/billing')).toMatchObject({
      inCell: false,
    });
  });

  it('routes the external and internal gateways to endpoints with that visibility', () => {
    expect(
      topology.edges.filter(e => e.kind === 'north-south').map(e => e.id),
    ).toEqual([
      'gateway:ingress:external->component:acme/shop/web#http',
      'gateway:ingress:internal->component:acme/shop/api#rest',
    ]);
    expect(
      topology.nodes.filter(n => n.kind === 'gateway').map(n => n.id),
    ).toEqual([
      'gateway:ingress:internal',
      'gateway:ingress:external',
      'gateway:egress:external',
    ]);
  });

  it('names the cell namespace the way OpenChoreo does', () => {
    expect(topology.cellNamespace).toMatch(/^dp-acme-shop-dev-[0-9a-f]{8}$/);
  });
});

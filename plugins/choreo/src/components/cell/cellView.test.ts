import {
  buildCellView,
  CellViewOptions,
  otherProjectsOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  dependencyRequestOf,
  edgeLook,
  EDGE_COLORS,
  trafficLabel,
} from './cellTraffic';
import {
  DROPPED_EDGE_ID,
  logisticsFlows,
  logisticsTopology,
  PAYMENT_GATEWAY,
  SHIPPING,
  TRACKING,
  WAREHOUSE,
} from './__testUtils__/cellFixtures';

const options = (o: Partial<CellViewOptions> = {}): CellViewOptions => ({
  overlay: true,
  collapseEndpoints: false,
  collapsedProjects: new Set(),
  ...o,
});

describe('buildCellView', () => {
  it('draws components, gateways and declared edges by kind', () => {
    const view = buildCellView(
      logisticsTopology(),
      undefined,
      options({ overlay: false }),
    );
    expect(view.nodes.map(n => n.data.label)).toEqual(
      expect.arrayContaining([
        'Shipping API',
        'Tracking web',
        'Warehouse service',
        'External ingress',
      ]),
    );
    const gateway = view.nodes.find(n => n.type === 'gateway')!;
    expect(gateway.partition).toBe(0);
    const kinds = Object.fromEntries(
      view.edges.map(e => [`${e.source}>${e.target}`, e.kind]),
    );
    expect(kinds[`${SHIPPING}>${WAREHOUSE}`]).toBe('east-west');
    expect(kinds[`gateway:ingress:external>${SHIPPING}`]).toBe('north-south');
    expect(view.edges.every(e => e.traffic === undefined)).toBe(true);
  });

  it('lists each endpoint once, under its widest visibility', () => {
    const view = buildCellView(logisticsTopology(), undefined, options());
    const shipping = view.nodes.find(n => n.id === SHIPPING)!;
    expect(
      shipping.data.kind === 'component' && shipping.data.endpointGroups,
    ).toEqual([
      {
        visibility: 'external',
        endpoints: [expect.objectContaining({ name: 'rest' })],
      },
    ]);
    const collapsed = buildCellView(
      logisticsTopology(),
      undefined,
      options({ collapseEndpoints: true }),
    );
    expect(collapsed.nodes.find(n => n.id === SHIPPING)!.height).toBeLessThan(
      shipping.height,
    );
  });

  it('adds the dropped call to a component of another project, with its reason and suggestion', () => {
    const view = buildCellView(
      logisticsTopology(),
      logisticsFlows(),
      options(),
    );
    const drop = view.edges.find(e => e.id === DROPPED_EDGE_ID)!;
    expect(drop).toMatchObject({
      source: SHIPPING,
      target: PAYMENT_GATEWAY,
      kind: 'observed',
    });
    expect(trafficLabel(drop.traffic!)).toBe('DROPPED (POLICY_DENIED ×4)');
    expect(edgeLook(drop.kind, drop.traffic).color).toBe(EDGE_COLORS.dropped);
    const peer = view.nodes.find(n => n.id === PAYMENT_GATEWAY)!;
    expect(peer.data).toMatchObject({
      label: 'payment-gateway',
      outside: true,
      observedOnly: true,
    });
    expect(dependencyRequestOf(drop.traffic!.suggestion!)).toEqual({
      project: 'payments',
      component: 'payment-gateway',
      name: 'grpc',
      visibility: 'namespace',
    });

    const flowing = view.edges.find(
      e => e.id === `${TRACKING}->${SHIPPING}#rest`,
    )!;
    expect(trafficLabel(flowing.traffic!)).toBe('12 flows');
    expect(edgeLook(flowing.kind, flowing.traffic).animated).toBe(true);
  });

  it('hides traffic when the overlay is off', () => {
    const view = buildCellView(
      logisticsTopology(),
      logisticsFlows(),
      options({ overlay: false }),
    );
    expect(view.edges.find(e => e.id === DROPPED_EDGE_ID)).toBeUndefined();
    expect(view.nodes.find(n => n.id === PAYMENT_GATEWAY)).toBeUndefined();
  });

  it('collapses another project into one node and re-routes its edges', () => {
    const flows = logisticsFlows();
    expect(otherProjectsOf(logisticsTopology(), flows)).toEqual(['payments']);
    const view = buildCellView(
      logisticsTopology(),
      flows,
      options({ collapsedProjects: new Set(['payments']) }),
    );
    expect(view.nodes.find(n => n.id === PAYMENT_GATEWAY)).toBeUndefined();
    const group = view.nodes.find(n => n.id === 'project:payments')!;
    expect(group.data).toMatchObject({
      kind: 'project',
      members: ['payment-gateway'],
    });
    expect(view.edges.find(e => e.id === DROPPED_EDGE_ID)!.target).toBe(
      'project:payments',
    );
  });
});

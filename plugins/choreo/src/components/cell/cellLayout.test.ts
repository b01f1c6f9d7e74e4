import { buildCellView } from './cellGraph';
import { layoutCell, layoutKeyOf, toElkGraph } from './cellLayout';
import { searchCell } from './cellSearch';
import {
  largeTopology,
  logisticsFlows,
  logisticsTopology,
  SHIPPING,
  WAREHOUSE,
} from './__testUtils__/cellFixtures';

const options = {
  overlay: true,
  collapseEndpoints: true,
  collapsedProjects: new Set<string>(),
};

describe('cell layout', () => {
  it('gives elk every node with its size and one edge per connected pair', () => {
    const view = buildCellView(logisticsTopology(), logisticsFlows(), options);
    const graph = toElkGraph(view);
    expect(graph.children).toHaveLength(view.nodes.length);
    expect(
      graph.children!.find(c => c.id === 'gateway:ingress:external')!
        .layoutOptions,
    ).toEqual({ 'elk.layered.layering.layerConstraint': 'FIRST' });
    const pairs = graph.edges!.map(e => `${e.sources[0]}>${e.targets[0]}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('places ingress left of the components they route to', async () => {
    const view = buildCellView(logisticsTopology(), undefined, options);
    const positions = await layoutCell(view);
    expect(positions.size).toBe(view.nodes.length);
    expect(positions.get('gateway:ingress:external')!.x).toBeLessThan(
      positions.get(SHIPPING)!.x,
    );
    expect(positions.get(SHIPPING)!.x).toBeLessThan(
      positions.get(WAREHOUSE)!.x,
    );
  });

  it('lays out 300 components without overlaps', async () => {
    const view = buildCellView(largeTopology(300), undefined, options);
    const positions = await layoutCell(view);
    expect(positions.size).toBe(300);
    const boxes = view.nodes.map(n => ({
      ...positions.get(n.id)!,
      w: n.width,
      h: n.height,
    }));
    const sorted = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
    for (let i = 0; i < sorted.length; i++) {
      for (
        let j = i + 1;
        j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].w;
        j++
      ) {
        const a = sorted[i];
        const b = sorted[j];
        const overlap = a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
  }, 60_000); // generous: elk is slow to warm up under jest on a busy machine; not a timing check

  it('leaves gateway edges out of large cells, keeping the gateway in the first layer', () => {
    const topology = largeTopology(120);
    const gateway = 'gateway:ingress:external';
    topology.nodes.push({
      id: gateway,
      kind: 'gateway',
      direction: 'ingress',
      scope: 'external',
    });
    topology.edges.push({
      id: `${gateway}->${topology.nodes[0].id}#api`,
      kind: 'north-south',
      from: gateway,
      to: topology.nodes[0].id,
      endpoint: 'api',
      visibility: 'external',
    });
    const graph = toElkGraph(buildCellView(topology, undefined, options));
    expect(graph.edges!.some(e => e.sources[0] === gateway)).toBe(false);
    expect(graph.children!.find(c => c.id === gateway)!.layoutOptions).toEqual({
      'elk.layered.layering.layerConstraint': 'FIRST',
    });
  });

  it('keeps the layout when only the highlight changes', () => {
    const plain = buildCellView(logisticsTopology(), undefined, options);
    const found = buildCellView(logisticsTopology(), undefined, {
      ...options,
      highlighted: new Set([SHIPPING]),
    });
    expect(layoutKeyOf(found)).toBe(layoutKeyOf(plain));
    const expanded = buildCellView(logisticsTopology(), undefined, {
      ...options,
      collapseEndpoints: false,
    });
    expect(layoutKeyOf(expanded)).not.toBe(layoutKeyOf(plain));
  });
});

describe('searchCell', () => {
  const view = buildCellView(logisticsTopology(), logisticsFlows(), options);

  it('finds components by name, display name and endpoint, best match first', () => {
    expect(searchCell(view.nodes, 'shipping')[0]).toBe(SHIPPING);
    expect(searchCell(view.nodes, 'Warehouse service')).toEqual([WAREHOUSE]);
    expect(searchCell(view.nodes, 'grpc')).toContain(WAREHOUSE);
    expect(searchCell(view.nodes, 'payments')).toEqual([
      'component:acme/payments/payment-gateway',
    ]);
  });

  it('finds nothing for a blank query', () => {
    expect(searchCell(view.nodes, '  ')).toEqual([]);
  });
});

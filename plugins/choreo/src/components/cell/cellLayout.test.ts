import {
  buildCellView,
  cellLayoutKey,
  layoutGraphOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { layoutCellInBrowser } from './cellLayout';
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

describe('cell layout in the browser', () => {
  it('places ingress left of the components they route to', async () => {
    const view = buildCellView(logisticsTopology(), undefined, options);
    const positions = await layoutCellInBrowser(layoutGraphOf(view));
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
    const positions = await layoutCellInBrowser(layoutGraphOf(view));
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

  it('keeps the layout when only the highlight changes', () => {
    const plain = buildCellView(logisticsTopology(), undefined, options);
    const found = buildCellView(logisticsTopology(), undefined, {
      ...options,
      highlighted: new Set([SHIPPING]),
    });
    const key = (v: typeof plain) => cellLayoutKey(layoutGraphOf(v));
    expect(key(found)).toBe(key(plain));
    const expanded = buildCellView(logisticsTopology(), undefined, {
      ...options,
      collapseEndpoints: false,
    });
    expect(key(expanded)).not.toBe(key(plain));
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

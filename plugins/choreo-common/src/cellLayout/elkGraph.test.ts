import {
  CellLayoutGraph,
  cellLayoutId,
  cellLayoutKey,
} from './cellLayoutGraph';
import { LARGE_CELL, positionsFromElk, toElkGraph } from './elkGraph';

const INGRESS = 'gateway:ingress:external';
const EGRESS = 'gateway:egress:external';
const component = (i: number) => ({
  id: `component:acme/shop/c${i}`,
  width: 240,
  height: 58,
  partition: 1 as const,
});

function cell(components: number): CellLayoutGraph {
  const nodes = [
    { id: INGRESS, width: 170, height: 48, partition: 0 as const },
    ...Array.from({ length: components }, (_, i) => component(i)),
    { id: EGRESS, width: 170, height: 48, partition: 2 as const },
  ];
  const edges = [
    { source: INGRESS, target: component(0).id },
    { source: component(0).id, target: component(1).id },
    // a second endpoint between the same pair, and a self-call
    { source: component(0).id, target: component(1).id },
    { source: component(1).id, target: component(1).id },
    { source: component(1).id, target: EGRESS },
  ];
  return { nodes, edges };
}

describe('toElkGraph', () => {
  it('pins gateways to the first and last layer and gives elk one edge per connected pair', () => {
    const graph = toElkGraph(cell(3));
    expect(graph.children).toHaveLength(5);
    const constraint = (id: string) =>
      graph.children!.find(c => c.id === id)!.layoutOptions?.[
        'elk.layered.layering.layerConstraint'
      ];
    expect(constraint(INGRESS)).toBe('FIRST');
    expect(constraint(EGRESS)).toBe('LAST');
    expect(constraint(component(0).id)).toBeUndefined();
    expect(graph.edges!.map(e => `${e.sources[0]}>${e.targets[0]}`)).toEqual([
      `${INGRESS}>${component(0).id}`,
      `${component(0).id}>${component(1).id}`,
      `${component(1).id}>${EGRESS}`,
    ]);
  });

  it('leaves gateway edges out of large cells and trades polish for time', () => {
    const graph = toElkGraph(cell(LARGE_CELL + 1));
    expect(
      graph.edges!.some(e => [INGRESS, EGRESS].includes(e.sources[0])),
    ).toBe(false);
    expect(graph.edges!.some(e => e.targets[0] === EGRESS)).toBe(false);
    expect(graph.layoutOptions!['elk.layered.thoroughness']).toBe('1');
  });
});

describe('cellLayoutId', () => {
  it('changes with what moves nodes: sizes, columns and connections', () => {
    const base = cell(3);
    const id = cellLayoutId(base);
    expect(cellLayoutId(cell(3))).toBe(id);
    const taller = {
      ...base,
      nodes: base.nodes.map((n, i) => (i === 1 ? { ...n, height: 90 } : n)),
    };
    const fewerEdges = { ...base, edges: base.edges.slice(1) };
    expect(cellLayoutId(taller)).not.toBe(id);
    expect(cellLayoutId(fewerEdges)).not.toBe(id);
    expect(cellLayoutKey(base)).toContain(`${INGRESS}:170x48:0`);
  });
});

describe('positionsFromElk', () => {
  it('reads top-left corners, rounded to whole pixels', () => {
    expect(
      positionsFromElk({
        id: 'cell',
        children: [{ id: 'a', x: 12.4, y: 7.6 }, { id: 'b' }],
      }),
    ).toEqual({ a: { x: 12, y: 8 }, b: { x: 0, y: 0 } });
  });
});

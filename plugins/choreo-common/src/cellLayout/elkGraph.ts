import { CellLayoutGraph, CellPoint } from './cellLayoutGraph';

/**
 * The elk input for a cell, and elk's answer read back. elk itself runs
 * where the caller is: in the backend (a worker thread) or in the browser
 * when the backend cannot help.
 */

/** The subset of elk's JSON graph format that cells use. */
export interface ElkCellGraph {
  id: string;
  layoutOptions?: Record<string, string>;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  children?: ElkCellGraph[];
  edges?: Array<{ id: string; sources: string[]; targets: string[] }>;
}

/**
 * Left to right: ingress gateways (first layer), the components in
 * dependency order, egress gateways (last layer). Layer constraints rather
 * than elk's partitioning, which about doubles the time at 300 components.
 */
export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '24',
  // wide enough for an edge label such as `DROPPED (POLICY_DENIED ×4)`
  'elk.layered.spacing.nodeNodeBetweenLayers': '190',
  'elk.spacing.componentComponent': '48',
  'elk.layered.thoroughness': '3',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.cycleBreaking.strategy': 'GREEDY',
  'elk.edgeRouting': 'POLYLINE',
};

/** Above this many nodes the layout trades polish for time. */
export const LARGE_CELL = 100;

/**
 * For large cells: no crossing-minimisation sweeps, simple placement,
 * and one connected graph so the gateways stay in the first and last layer
 * without their edges (see toElkGraph).
 */
export const LARGE_ELK_OPTIONS: Record<string, string> = {
  ...ELK_OPTIONS,
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  // keeps the input order instead of sweeping: the biggest single saving
  'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
  'elk.separateConnectedComponents': 'false',
};

const LAYER_CONSTRAINT = { 0: 'FIRST', 1: undefined, 2: 'LAST' } as const;

/**
 * The elk input for a cell: node sizes and one edge per connected pair
 * (parallel edges do not change the layout). In large cells the gateway
 * edges are left out: a gateway routing to a hundred components makes
 * elk route a hundred long edges through every layer (most of its time),
 * and the layer constraint already puts the gateway where it belongs.
 */
export function toElkGraph(graph: CellLayoutGraph): ElkCellGraph {
  const large = graph.nodes.length > LARGE_CELL;
  const ids = new Set(graph.nodes.map(n => n.id));
  const gateways = new Set(
    graph.nodes.filter(n => n.partition !== 1).map(n => n.id),
  );
  const pairs = new Set<string>();
  const edges: NonNullable<ElkCellGraph['edges']> = [];
  for (const e of graph.edges) {
    if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target)) {
      continue;
    }
    if (large && (gateways.has(e.source) || gateways.has(e.target))) continue;
    const key = `${e.source}\u0000${e.target}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    edges.push({
      id: `e${edges.length}`,
      sources: [e.source],
      targets: [e.target],
    });
  }
  return {
    id: 'cell',
    layoutOptions: large ? LARGE_ELK_OPTIONS : ELK_OPTIONS,
    children: graph.nodes.map(n => {
      const constraint = LAYER_CONSTRAINT[n.partition];
      return {
        id: n.id,
        width: n.width,
        height: n.height,
        ...(constraint
          ? {
              layoutOptions: {
                'elk.layered.layering.layerConstraint': constraint,
              },
            }
          : {}),
      };
    }),
    edges,
  };
}

/** elk's answer as top-left corners by node id, rounded to whole pixels. */
export function positionsFromElk(
  result: ElkCellGraph,
): Record<string, CellPoint> {
  const positions: Record<string, CellPoint> = {};
  for (const child of result.children ?? []) {
    positions[child.id] = {
      x: Math.round(child.x ?? 0),
      y: Math.round(child.y ?? 0),
    };
  }
  return positions;
}

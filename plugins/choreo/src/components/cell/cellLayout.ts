import type { ElkNode } from 'elkjs/lib/elk-api';
import { CellView } from './cellGraph';

export interface Point {
  x: number;
  y: number;
}

/** Node positions (top-left corners) by node id. */
export type CellLayout = Map<string, Point>;

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
 * The elk input for a view: node sizes and one edge per connected pair
 * (parallel edges do not change the layout). In large cells the gateway
 * edges are left out: a gateway routing to a hundred components makes
 * elk route a hundred long edges through every layer (most of its time),
 * and the layer constraint already puts the gateway where it belongs.
 */
export function toElkGraph(view: CellView): ElkNode {
  const large = view.nodes.length > LARGE_CELL;
  const ids = new Set(view.nodes.map(n => n.id));
  const gateways = new Set(
    view.nodes.filter(n => n.type === 'gateway').map(n => n.id),
  );
  const pairs = new Set<string>();
  const edges: NonNullable<ElkNode['edges']> = [];
  for (const e of view.edges) {
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
    children: view.nodes.map(n => {
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

/** Changes only when something that moves nodes changes (not highlight or traffic). */
export function layoutKeyOf(view: CellView): string {
  const nodes = view.nodes.map(n => `${n.id}:${n.width}x${n.height}`).join('|');
  const edges = view.edges.map(e => `${e.source}>${e.target}`).join('|');
  return `${nodes}#${edges}`;
}

type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<ElkInstance> | undefined;

/**
 * elk's bundled build runs in the page without a web worker; loaded on first
 * use so it stays out of every other chunk.
 */
export function elkInstance(): Promise<ElkInstance> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(m => {
    const Elk = (m.default ?? m) as unknown as new () => ElkInstance;
    return new Elk();
  });
  return elk;
}

export async function layoutCell(view: CellView): Promise<CellLayout> {
  const result = await (await elkInstance()).layout(toElkGraph(view));
  const positions: CellLayout = new Map();
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  return positions;
}

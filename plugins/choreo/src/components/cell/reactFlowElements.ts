import { Edge, MarkerType, Node, NodeHandle, Position } from '@xyflow/react';
import {
  CellNodeData,
  CellView,
  CellViewEdge,
  CellViewNode,
  isDropped,
} from '@choreo-for-backstage/plugin-choreo-common';
import { CellLayout } from './cellLayout';
import { edgeLook, trafficLabel } from './cellTraffic';

export type CellEdgeData = { edge: CellViewEdge };

const nameOf = (node?: CellViewNode) => node?.data.label ?? '?';

/** What a screen reader (and a test) hears for an edge: who calls whom, and what the overlay saw. */
export function edgeDescription(
  e: CellViewEdge,
  nodes: Map<string, CellViewNode>,
) {
  const what = e.kind === 'observed' ? 'observed call' : `${e.kind} dependency`;
  const traffic = e.traffic ? trafficLabel(e.traffic) : '';
  return `${nameOf(nodes.get(e.source))} → ${nameOf(nodes.get(e.target))}${
    e.endpoint ? ` (${e.endpoint})` : ''
  }: ${what}${traffic ? `, ${traffic}` : ''}${
    e.problem ? `, ${e.problem}` : ''
  }`;
}

/** Edge anchors of CellNodes' handles: 6 px squares centred on the left and right borders. */
export const HANDLE_SIZE = 6;
export function nodeHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_SIZE / 2;
  return [
    {
      type: 'target',
      position: Position.Left,
      x: -HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
    {
      type: 'source',
      position: Position.Right,
      x: width - HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
  ];
}

/**
 * The view, placed by `layout`, as React Flow nodes and edges. Nodes carry
 * their sizes and handles, so edges to nodes out of view (not drawn) have
 * their ends without measuring.
 */
export function toReactFlow(
  view: CellView,
  layout: CellLayout,
  focus: { node?: string; edge?: string } = {},
): { nodes: Node<CellNodeData>[]; edges: Edge<CellEdgeData>[] } {
  const byId = new Map(view.nodes.map(n => [n.id, n]));
  const nodes = view.nodes.map(n => ({
    id: n.id,
    type: n.type,
    position: layout.get(n.id) ?? { x: 0, y: 0 },
    width: n.width,
    height: n.height,
    handles: nodeHandles(n.width, n.height),
    // the layout's sizes are the drawn sizes: React Flow may fit and connect
    // nodes it has not drawn (it draws only those in view)
    measured: { width: n.width, height: n.height },
    data: n.data,
    selected: focus.node === n.id,
    ariaLabel: n.data.label,
    // classes rather than data attributes: React Flow types those as HTML attributes only
    className: [
      focus.node === n.id ? 'cell-node--focused' : '',
      n.data.highlighted ? 'cell-node--highlighted' : '',
    ].join(' '),
  }));
  const edges = view.edges.map(e => {
    const look = edgeLook(e.kind, e.traffic);
    const label = e.traffic ? trafficLabel(e.traffic) : undefined;
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      selected: focus.edge === e.id,
      animated: look.animated,
      label: label || undefined,
      labelStyle: { fill: look.color, fontWeight: 600, fontSize: 11 },
      labelBgStyle: { fill: '#ffffff', fillOpacity: 0.9 },
      style: {
        stroke: look.color,
        strokeWidth: focus.edge === e.id ? look.width + 2 : look.width,
        strokeDasharray: look.dashed ? '6 4' : undefined,
      },
      markerEnd: { type: MarkerType.ArrowClosed, color: look.color },
      // dropped calls above the nodes, so their label is never hidden
      zIndex: isDropped(e.traffic) ? 1 : 0,
      ariaLabel: edgeDescription(e, byId),
      className: `cell-edge--${e.traffic?.class ?? e.kind}`,
      data: { edge: e },
    };
  });
  return { nodes, edges };
}

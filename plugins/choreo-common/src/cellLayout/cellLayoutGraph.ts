import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * What the layout of a cell diagram depends on: node sizes, columns and
 * connections, nothing else. Status, traffic and highlighting change often
 * and never move a node, so they are not part of it.
 */
export interface CellLayoutNode {
  id: string;
  width: number;
  height: number;
  /** 0: ingress gateways (first column), 1: components, 2: egress gateways (last column). */
  partition: 0 | 1 | 2;
}

export interface CellLayoutEdge {
  source: string;
  target: string;
}

export interface CellLayoutGraph {
  nodes: CellLayoutNode[];
  edges: CellLayoutEdge[];
}

export interface CellPoint {
  x: number;
  y: number;
}

/** `POST /cell-layouts`: top-left corners of every node of the graph, by node id. */
export interface CellLayoutResponse {
  /** cellLayoutId of the graph that was laid out. */
  id: string;
  positions: Record<string, CellPoint>;
}

/** The largest graph the backend lays out; larger cells are laid out in the browser. */
export const CELL_LAYOUT_LIMITS = { nodes: 5000, edges: 20000 } as const;

/** A canonical text of the graph: equal for graphs that lay out the same. */
export function cellLayoutKey(graph: CellLayoutGraph): string {
  const nodes = graph.nodes
    .map(n => `${n.id}:${n.width}x${n.height}:${n.partition}`)
    .join('|');
  const edges = graph.edges.map(e => `${e.source}>${e.target}`).join('|');
  return `${nodes}#${edges}`;
}

/** A short, stable name of the graph's layout (SHA-256 of its key). */
export function cellLayoutId(graph: CellLayoutGraph): string {
  return bytesToHex(sha256(utf8ToBytes(cellLayoutKey(graph))));
}

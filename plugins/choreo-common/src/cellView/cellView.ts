import { FlowSnapshot } from '../api';
import { CellLayoutGraph } from '../cellLayout';
import {
  CellComponentNode,
  CellEdgeKind,
  CellEndpoint,
  CellGatewayNode,
  CellTopology,
} from '../domain';
import { ClassifiedTraffic } from '../flows';
import { EndpointVisibility } from '../resources';
import { trafficOf, EdgeTraffic } from './edgeTraffic';

/**
 * The cell as the Cell tab's diagram draws it: topology + observed traffic →
 * nodes and edges with their sizes, before layout. Shared so that the
 * backend can lay out the view a visit opens with (openingViewOptions)
 * before the browser asks; pure, so the 300-component case and every rule
 * can be tested without a browser.
 */

export interface CellViewOptions {
  /** Show observed traffic (Hubble) on the edges. */
  overlay: boolean;
  /** Draw components as one line each instead of listing their endpoints. */
  collapseEndpoints: boolean;
  /** Other projects drawn as one node each instead of their components. */
  collapsedProjects: ReadonlySet<string>;
  /** Node ids that match the search. */
  highlighted?: ReadonlySet<string>;
}

/** The widest visibility first: that is the group an endpoint is listed in. */
const VISIBILITY_ORDER: EndpointVisibility[] = [
  'external',
  'internal',
  'namespace',
  'project',
];

export interface EndpointGroup {
  visibility: EndpointVisibility;
  endpoints: CellEndpoint[];
}

export type ComponentNodeData = {
  kind: 'component';
  label: string;
  component: CellComponentNode;
  /** Drawn in another project's colours: not part of this cell. */
  outside: boolean;
  /** Only known from observed traffic: the topology does not know it. */
  observedOnly: boolean;
  endpointGroups: EndpointGroup[];
  endpointCount: number;
  collapsed: boolean;
  highlighted: boolean;
};

export type GatewayNodeData = {
  kind: 'gateway';
  label: string;
  gateway: CellGatewayNode;
  highlighted: boolean;
};

export type ProjectNodeData = {
  kind: 'project';
  label: string;
  project: string;
  members: string[];
  highlighted: boolean;
};

export type CellNodeData =
  | ComponentNodeData
  | GatewayNodeData
  | ProjectNodeData;

export interface CellViewNode {
  id: string;
  type: CellNodeData['kind'];
  width: number;
  height: number;
  /** Layout column group: ingress gateways, components, egress gateways. */
  partition: 0 | 1 | 2;
  data: CellNodeData;
}

export interface CellViewEdge {
  id: string;
  source: string;
  target: string;
  /** Declared kind; `observed` for traffic nothing declares. */
  kind: CellEdgeKind | 'observed';
  endpoint?: string;
  /** Set when the overlay is on and the snapshot covers the edge. */
  traffic?: EdgeTraffic;
  /** Why the declared edge may not work (topology). */
  problem?: string;
}

export interface CellView {
  nodes: CellViewNode[];
  edges: CellViewEdge[];
}

export const NODE_WIDTH = 240;
const HEADER_HEIGHT = 58;
const GROUP_TITLE_HEIGHT = 18;
const ENDPOINT_HEIGHT = 18;
const GATEWAY_SIZE = { width: 170, height: 48 };

export function endpointGroupsOf(
  component: CellComponentNode,
): EndpointGroup[] {
  const placed = new Set<string>();
  const groups: EndpointGroup[] = [];
  for (const visibility of VISIBILITY_ORDER) {
    const endpoints = (component.endpoints[visibility] ?? []).filter(
      e => !placed.has(e.id),
    );
    endpoints.forEach(e => placed.add(e.id));
    if (endpoints.length > 0) groups.push({ visibility, endpoints });
  }
  return groups;
}

export const nodeHeightOf = (groups: EndpointGroup[], collapsed: boolean) =>
  collapsed
    ? HEADER_HEIGHT
    : HEADER_HEIGHT +
      groups.reduce(
        (h, g) => h + GROUP_TITLE_HEIGHT + g.endpoints.length * ENDPOINT_HEIGHT,
        0,
      ) +
      (groups.length > 0 ? 6 : 0);

const gatewayLabel = (g: CellGatewayNode) =>
  `${g.scope === 'external' ? 'External' : 'Internal'} ${g.direction}`;

/** `component:{ns}/{project}/{name}` → its parts, for peers only traffic knows. */
export function parseComponentId(
  id: string,
): { namespace: string; project: string; name: string } | undefined {
  const m = /^component:([^/]+)\/([^/]+)\/(.+)$/.exec(id);
  return m ? { namespace: m[1], project: m[2], name: m[3] } : undefined;
}

function observedComponent(id: string): CellComponentNode | undefined {
  const parts = parseComponentId(id);
  if (!parts) return undefined;
  return {
    id,
    kind: 'component',
    project: parts.project,
    name: parts.name,
    inCell: false,
    status: { state: 'unknown', message: 'Only seen in network traffic' },
    endpoints: { project: [], namespace: [], internal: [], external: [] },
  };
}

function observedGateway(id: string): CellGatewayNode | undefined {
  const m = /^gateway:(ingress|egress):(external|internal)$/.exec(id);
  if (!m) return undefined;
  return {
    id,
    kind: 'gateway',
    direction: m[1] as 'ingress' | 'egress',
    scope: m[2] as 'external' | 'internal',
  };
}

/** Nodes and edges of the diagram for one topology, traffic snapshot and set of view options. */
export function buildCellView(
  topology: CellTopology,
  flows: FlowSnapshot | undefined,
  options: CellViewOptions,
): CellView {
  const components = new Map<string, CellComponentNode>();
  const gateways = new Map<string, CellGatewayNode>();
  const observedOnly = new Set<string>();
  for (const n of topology.nodes) {
    if (n.kind === 'component') components.set(n.id, n);
    else gateways.set(n.id, n);
  }
  const traffic = new Map<string, ClassifiedTraffic>(
    options.overlay ? (flows?.edges ?? []).map(e => [e.id, e]) : [],
  );

  const edges: CellViewEdge[] = topology.edges.map(e => ({
    id: e.id,
    source: e.from,
    target: e.to,
    kind: e.kind,
    endpoint: e.endpoint,
    ...(traffic.has(e.id) ? { traffic: trafficOf(traffic.get(e.id)!) } : {}),
    ...(e.problem ? { problem: e.problem } : {}),
  }));
  const declared = new Set(topology.edges.map(e => e.id));
  for (const t of traffic.values()) {
    if (declared.has(t.id)) continue;
    const ends = [t.from, t.to];
    for (const id of ends) {
      if (components.has(id) || gateways.has(id)) continue;
      const gateway = observedGateway(id);
      const component = gateway ? undefined : observedComponent(id);
      if (gateway) gateways.set(id, gateway);
      else if (component) components.set(id, component);
      else continue;
      observedOnly.add(id);
    }
    if (!ends.every(id => components.has(id) || gateways.has(id))) continue;
    edges.push({
      id: t.id,
      source: t.from,
      target: t.to,
      kind: 'observed',
      endpoint: t.endpoint,
      traffic: trafficOf(t),
    });
  }

  const highlighted = options.highlighted ?? new Set<string>();
  const nodes: CellViewNode[] = [];
  const projectNodes = new Map<
    string,
    CellViewNode & { data: ProjectNodeData }
  >();
  const mergedInto = new Map<string, string>();
  for (const c of components.values()) {
    const outside = c.project !== topology.project;
    if (outside && options.collapsedProjects.has(c.project)) {
      const id = `project:${c.project}`;
      mergedInto.set(c.id, id);
      let group = projectNodes.get(c.project);
      if (!group) {
        group = {
          id,
          type: 'project',
          width: NODE_WIDTH,
          height: HEADER_HEIGHT,
          partition: 1,
          data: {
            kind: 'project',
            label: c.project,
            project: c.project,
            members: [],
            highlighted: false,
          },
        };
        projectNodes.set(c.project, group);
        nodes.push(group);
      }
      group.data.members.push(c.name);
      group.data.highlighted ||= highlighted.has(c.id) || highlighted.has(id);
      continue;
    }
    const groups = endpointGroupsOf(c);
    nodes.push({
      id: c.id,
      type: 'component',
      width: NODE_WIDTH,
      height: nodeHeightOf(groups, options.collapseEndpoints),
      partition: 1,
      data: {
        kind: 'component',
        label: c.displayName ?? c.name,
        component: c,
        outside,
        observedOnly: observedOnly.has(c.id),
        endpointGroups: groups,
        endpointCount: groups.reduce((n, g) => n + g.endpoints.length, 0),
        collapsed: options.collapseEndpoints,
        highlighted: highlighted.has(c.id),
      },
    });
  }
  for (const g of gateways.values()) {
    nodes.push({
      id: g.id,
      type: 'gateway',
      ...GATEWAY_SIZE,
      partition: g.direction === 'ingress' ? 0 : 2,
      data: {
        kind: 'gateway',
        label: gatewayLabel(g),
        gateway: g,
        highlighted: highlighted.has(g.id),
      },
    });
  }

  const remapped = edges.map(e => ({
    ...e,
    source: mergedInto.get(e.source) ?? e.source,
    target: mergedInto.get(e.target) ?? e.target,
  }));
  return { nodes, edges: remapped };
}

/** Projects other than the cell's own that have components in the view. */
export function otherProjectsOf(topology: CellTopology, flows?: FlowSnapshot) {
  const projects = new Set<string>();
  for (const n of topology.nodes) {
    if (n.kind === 'component' && n.project !== topology.project) {
      projects.add(n.project);
    }
  }
  for (const e of flows?.edges ?? []) {
    for (const id of [e.from, e.to]) {
      const p = parseComponentId(id)?.project;
      if (p && p !== topology.project) projects.add(p);
    }
  }
  return [...projects].sort();
}

/** Above this many components, endpoints start collapsed into their component. */
const EXPANDED_ENDPOINTS_LIMIT = 40;

/**
 * How the diagram opens: traffic on when Hubble saw some (with none in the
 * window every edge would only say "no traffic"), endpoints listed for
 * cells small enough to read them, every project expanded.
 */
export function openingViewOptions(
  topology: CellTopology,
  flows: FlowSnapshot | undefined,
): CellViewOptions {
  const components = topology.nodes.filter(n => n.kind === 'component');
  return {
    overlay: !!flows && flows.flows > 0,
    collapseEndpoints: components.length > EXPANDED_ENDPOINTS_LIMIT,
    collapsedProjects: new Set(),
  };
}

/** What the layout of a view depends on: sizes, columns, connections. */
export function layoutGraphOf(view: CellView): CellLayoutGraph {
  return {
    nodes: view.nodes.map(n => ({
      id: n.id,
      width: n.width,
      height: n.height,
      partition: n.partition,
    })),
    edges: view.edges.map(e => ({ source: e.source, target: e.target })),
  };
}

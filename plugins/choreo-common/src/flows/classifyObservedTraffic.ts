import {
  CellComponentNode,
  CellEdge,
  CellEndpoint,
  CellTopology,
} from '../domain/cellTopology';
import { FlowAggregate, FlowEdge } from './aggregateFlows';

/**
 * - `declared-flowing`: a declared dependency or gateway route with forwarded traffic
 * - `declared-dropped`: declared, but every observed flow was dropped (policy stricter than declared)
 * - `declared-unseen`: declared, never observed in the window
 * - `dropped-undeclared`: dropped and nothing declares it (add the suggested dependency)
 * - `flowing-undeclared`: forwarded although nothing declares it (policy looser than declared)
 */
export type ObservedTrafficClass =
  | 'declared-flowing'
  | 'declared-dropped'
  | 'declared-unseen'
  | 'dropped-undeclared'
  | 'flowing-undeclared';

/** The `dependencies.endpoints[]` entry the client would need, as the Workload spells it. */
export interface SuggestedDependency {
  /** The component that should declare the dependency. */
  from: { project: string; component: string };
  /** Set when the target is in another project. */
  project?: string;
  component: string;
  /** Endpoint of the target whose port the traffic used; absent when no endpoint has that port. */
  name?: string;
  visibility: 'project' | 'namespace';
  /** The target endpoint must also be opened to other projects (it only has `project`). */
  endpointNeedsVisibility?: 'namespace';
}

export interface ClassifiedTraffic {
  /** The topology edge id when declared, else the observed edge id. */
  id: string;
  class: ObservedTrafficClass;
  from: string;
  to: string;
  /** Endpoint name on `to`. */
  endpoint?: string;
  port?: number;
  declared?: CellEdge;
  observed?: FlowEdge;
  suggestion?: SuggestedDependency;
  /** Why the traffic does not fit the declaration, in words a developer can act on. */
  message?: string;
}

export interface TrafficClassification {
  namespace: string;
  project: string;
  environment: string;
  edges: ClassifiedTraffic[];
  /** Observed edges of the cell the declared model says nothing about (DNS, egress to the world, ...). */
  unclassified: FlowEdge[];
  counts: Record<ObservedTrafficClass, number>;
}

export interface ClassifyOptions {
  /**
   * Components outside the topology (other projects that nothing declares),
   * so that drops towards them can still name the endpoint.
   */
  peers?: CellComponentNode[];
}

type PortedEndpoint = CellEndpoint & { targetPort?: number };

/** Hubble sees the container port: the endpoint's targetPort, defaulting to its port. */
const endpointByPort = (
  endpoints: readonly PortedEndpoint[],
  port: number | undefined,
) =>
  port === undefined
    ? undefined
    : endpoints.find(e => (e.targetPort ?? e.port) === port) ??
      endpoints.find(e => e.port === port);

/**
 * Lays observed traffic over the declared topology of one cell. Ids match
 * the topology's, so the frontend can colour its edges directly.
 */
export function classifyObservedTraffic(
  aggregate: FlowAggregate,
  topology: CellTopology,
  options: ClassifyOptions = {},
): TrafficClassification {
  const { namespace, project, environment } = topology;
  const components = new Map<string, CellComponentNode>();
  for (const p of options.peers ?? []) components.set(p.id, p);
  for (const n of topology.nodes)
    if (n.kind === 'component') components.set(n.id, n);
  const declared = new Map(topology.edges.map(e => [e.id, e]));
  const seen = new Set<string>();
  const edges: ClassifiedTraffic[] = [];
  const unclassified: FlowEdge[] = [];

  const inCell = (e: FlowEdge['fromIdentity']) =>
    e.kind === 'component' &&
    e.cpNamespace === namespace &&
    e.project === project &&
    e.environment === environment;

  for (const edge of aggregate.edges) {
    const fi = edge.fromIdentity;
    const ti = edge.toIdentity;
    if (!inCell(fi) && !inCell(ti)) continue;
    if (ti.kind !== 'component' || ti.cpNamespace !== namespace) {
      unclassified.push(edge);
      continue;
    }
    const target = components.get(edge.to);
    const scope = fi.kind === 'gateway' ? fi.scope : undefined;
    const candidates = target?.endpoints[scope ?? 'project'] ?? [];
    const endpoint = endpointByPort(candidates, edge.port);
    const declaredEdge = endpoint
      ? declared.get(`${edge.from}->${edge.to}#${endpoint.name}`)
      : undefined;
    const flowing = edge.verdicts.forwarded > 0;
    const dropped = edge.verdicts.dropped > 0;

    if (declaredEdge) {
      seen.add(declaredEdge.id);
      edges.push({
        id: declaredEdge.id,
        class: flowing || !dropped ? 'declared-flowing' : 'declared-dropped',
        from: edge.from,
        to: edge.to,
        endpoint: declaredEdge.endpoint,
        port: edge.port,
        declared: declaredEdge,
        observed: edge,
        ...(!flowing && dropped
          ? {
              message:
                declaredEdge.problem ??
                'Declared, but the network policy drops this traffic',
            }
          : {}),
      });
      continue;
    }

    const classified: ClassifiedTraffic = {
      id: edge.id,
      class: flowing || !dropped ? 'flowing-undeclared' : 'dropped-undeclared',
      from: edge.from,
      to: edge.to,
      port: edge.port,
      observed: edge,
    };
    if (endpoint) classified.endpoint = endpoint.name;
    if (fi.kind === 'component' && fi.cpNamespace === namespace) {
      const crossing = fi.project !== ti.project;
      const suggestion: SuggestedDependency = {
        from: { project: fi.project, component: fi.component },
        ...(crossing ? { project: ti.project } : {}),
        component: ti.component,
        visibility: crossing ? 'namespace' : 'project',
      };
      const projectEndpoint = endpointByPort(
        target?.endpoints.project ?? [],
        edge.port,
      );
      if (projectEndpoint) {
        suggestion.name = projectEndpoint.name;
        classified.endpoint = projectEndpoint.name;
        if (
          crossing &&
          !target?.endpoints.namespace.some(
            e => e.name === projectEndpoint.name,
          )
        ) {
          suggestion.endpointNeedsVisibility = 'namespace';
        }
      }
      classified.suggestion = suggestion;
      const dep = `${crossing ? `${ti.project}/` : ''}${ti.component}${
        suggestion.name ? `.${suggestion.name}` : `:${edge.port ?? '?'}`
      }`;
      classified.message =
        classified.class === 'dropped-undeclared'
          ? `${
              fi.component
            } has no dependency on ${dep}; declare it to allow this traffic${
              suggestion.endpointNeedsVisibility
                ? ` (and give endpoint '${suggestion.name}' namespace visibility)`
                : ''
            }`
          : `${fi.component} reaches ${dep} without declaring the dependency`;
    } else if (scope) {
      classified.message = `No ${scope} route is declared to ${
        ti.component
      } on port ${edge.port ?? '?'}`;
    }
    edges.push(classified);
  }

  for (const e of topology.edges) {
    if (seen.has(e.id)) continue;
    edges.push({
      id: e.id,
      class: 'declared-unseen',
      from: e.from,
      to: e.to,
      endpoint: e.endpoint,
      declared: e,
    });
  }
  edges.sort((a, b) => a.id.localeCompare(b.id));
  const counts: Record<ObservedTrafficClass, number> = {
    'declared-flowing': 0,
    'declared-dropped': 0,
    'declared-unseen': 0,
    'dropped-undeclared': 0,
    'flowing-undeclared': 0,
  };
  edges.forEach(e => counts[e.class]++);
  return { namespace, project, environment, edges, unclassified, counts };
}

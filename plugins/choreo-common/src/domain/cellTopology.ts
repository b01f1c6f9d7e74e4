import {
  EndpointType,
  EndpointUrl,
  EndpointVisibility,
  ENDPOINT_VISIBILITIES,
  endpointVisibilityOf,
  ReleaseBinding,
  WorkloadTemplateSpec,
} from '../resources';
import { cellNamespaceName } from './cellNamespaceName';
import { StatusSummary } from './conditionSummary';
import { summarizeReleaseBinding } from './statusSummary';

/** One component as the topology needs it; the caller resolves what runs in the environment. */
export interface CellComponentInput {
  project: string;
  name: string;
  displayName?: string;
  /** `{workloadType}/{type}`, e.g. `deployment/service`. */
  componentType?: string;
  /** What runs in the environment: the bound release's workload, else the current Workload. */
  workload?: WorkloadTemplateSpec;
  /** The component's ReleaseBinding in the environment, if any. */
  binding?: ReleaseBinding;
}

export interface CellTopologyInput {
  namespace: string;
  project: string;
  environment: string;
  /** The project's components. */
  components: CellComponentInput[];
  /** Components of other projects of the namespace: dependency targets and dependents. */
  otherComponents?: CellComponentInput[];
  /** `ProjectReleaseBinding.status.namespace` when known; computed otherwise. */
  cellNamespace?: string;
  /** Egress gateways the data plane offers. */
  egress?: { external?: boolean; internal?: boolean };
}

export type CellDeployStatus =
  | StatusSummary
  | { state: 'not-deployed'; message: string };

export interface CellEndpoint {
  /** `{componentId}#{endpoint}` */
  id: string;
  name: string;
  type: EndpointType;
  port: number;
  visibility: EndpointVisibility[];
  displayName?: string;
  /** Reported by the binding in this environment. */
  serviceURL?: string;
  internalURL?: string;
  externalURL?: string;
}

export interface CellComponentNode {
  /** `component:{namespace}/{project}/{name}` */
  id: string;
  kind: 'component';
  project: string;
  name: string;
  displayName?: string;
  componentType?: string;
  /** False for components of other projects (drawn outside the cell). */
  inCell: boolean;
  status: CellDeployStatus;
  releaseName?: string;
  /** Endpoints by visibility; every endpoint is in `project`, some also elsewhere. */
  endpoints: Record<EndpointVisibility, CellEndpoint[]>;
}

export interface CellGatewayNode {
  /** `gateway:{direction}:{scope}` */
  id: string;
  kind: 'gateway';
  direction: 'ingress' | 'egress';
  scope: 'external' | 'internal';
}

export type CellNode = CellComponentNode | CellGatewayNode;

export type CellEdgeKind = 'east-west' | 'cross-project' | 'north-south';

export interface CellEdge {
  /** `{from}->{to}#{endpoint}` */
  id: string;
  kind: CellEdgeKind;
  from: string;
  to: string;
  /** The endpoint of `to` the traffic goes to. */
  endpoint: string;
  visibility: EndpointVisibility;
  /** Whether the binding of `from` resolved the dependency in this environment. */
  connection?: 'resolved' | 'pending';
  /** Why the edge may not work, e.g. the target endpoint does not exist. */
  problem?: string;
}

export interface CellTopology {
  namespace: string;
  project: string;
  environment: string;
  cellNamespace: string;
  nodes: CellNode[];
  edges: CellEdge[];
}

export const cellComponentId = (
  namespace: string,
  project: string,
  name: string,
) => `component:${namespace}/${project}/${name}`;

export const cellGatewayId = (
  direction: 'ingress' | 'egress',
  scope: 'external' | 'internal',
) => `gateway:${direction}:${scope}`;

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** `scheme://host[:port][path]`, leaving out the scheme's default port. */
export function formatEndpointUrl(
  url: EndpointUrl | undefined,
): string | undefined {
  if (!url?.host) return undefined;
  const scheme = url.scheme ?? 'http';
  const port =
    url.port && DEFAULT_PORTS[scheme] !== url.port ? `:${url.port}` : '';
  let path = url.path ?? '';
  if (path && !path.startsWith('/')) path = `/${path}`;
  return `${scheme}://${url.host}${port}${path}`;
}

function endpointsOf(id: string, input: CellComponentInput) {
  const groups = Object.fromEntries(
    ENDPOINT_VISIBILITIES.map(v => [v, [] as CellEndpoint[]]),
  ) as Record<EndpointVisibility, CellEndpoint[]>;
  const reported = new Map(
    (input.binding?.status?.endpoints ?? []).map(e => [e.name, e]),
  );
  const entries = Object.entries(input.workload?.endpoints ?? {}).sort(
    ([a], [b]) => a.localeCompare(b),
  );
  for (const [name, ep] of entries) {
    const visibility = endpointVisibilityOf(ep);
    const status = reported.get(name);
    const endpoint: CellEndpoint = {
      id: `${id}#${name}`,
      name,
      type: ep.type,
      port: ep.port,
      visibility,
      displayName: ep.displayName,
      serviceURL: formatEndpointUrl(status?.serviceURL),
      internalURL: formatEndpointUrl(
        status?.internalURLs?.https ?? status?.internalURLs?.http,
      ),
      externalURL:
        formatEndpointUrl(
          status?.externalURLs?.https ?? status?.externalURLs?.http,
        ) ?? status?.invokeURL,
    };
    visibility.forEach(v => groups[v].push(endpoint));
  }
  return groups;
}

function componentNode(
  namespace: string,
  input: CellComponentInput,
  inCell: boolean,
  environment: string,
): CellComponentNode {
  const id = cellComponentId(namespace, input.project, input.name);
  return {
    id,
    kind: 'component',
    project: input.project,
    name: input.name,
    displayName: input.displayName,
    componentType: input.componentType,
    inCell,
    status: input.binding
      ? summarizeReleaseBinding(input.binding)
      : { state: 'not-deployed', message: `Not deployed to '${environment}'` },
    releaseName: input.binding?.spec.releaseName,
    endpoints: endpointsOf(id, input),
  };
}

function connectionState(
  binding: ReleaseBinding | undefined,
  target: { project: string; component: string; endpoint: string },
): CellEdge['connection'] {
  const same = (c: { project: string; component: string; endpoint: string }) =>
    c.project === target.project &&
    c.component === target.component &&
    c.endpoint === target.endpoint;
  if (binding?.status?.resolvedConnections?.some(same)) return 'resolved';
  if (binding?.status?.pendingConnections?.some(same)) return 'pending';
  return undefined;
}

/**
 * The graph of one project's cell in one environment: its components with
 * their deploy status and endpoints by visibility, east-west edges for
 * dependencies inside the project, cross-project edges through the
 * namespace scope, and the gateways for north-south traffic. Ids are stable
 * so that network flows can be laid over the graph.
 */
export function computeCellTopology(input: CellTopologyInput): CellTopology {
  const { namespace, project, environment } = input;
  const nodes = new Map<string, CellNode>();
  const edges = new Map<string, CellEdge>();
  const inputs = new Map<string, CellComponentInput>();

  const own = [...input.components].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const c of own) {
    const node = componentNode(namespace, { ...c, project }, true, environment);
    nodes.set(node.id, node);
    inputs.set(node.id, c);
  }
  const others = new Map(
    (input.otherComponents ?? [])
      .filter(c => c.project !== project)
      .map(c => [cellComponentId(namespace, c.project, c.name), c]),
  );
  const outside = (id: string) => {
    const existing = nodes.get(id);
    if (existing) return existing;
    const other = others.get(id);
    if (!other) return undefined;
    const node = componentNode(namespace, other, false, environment);
    nodes.set(id, node);
    return node;
  };

  const addDependencyEdges = (
    from: CellComponentInput,
    fromProject: string,
  ) => {
    const fromId = cellComponentId(namespace, fromProject, from.name);
    for (const dep of from.workload?.dependencies?.endpoints ?? []) {
      const toProject = dep.project ?? fromProject;
      const toId = cellComponentId(namespace, toProject, dep.component);
      const crossing = toProject !== fromProject;
      // only edges that touch this cell
      if (fromProject !== project && toProject !== project) continue;
      const target = crossing ? outside(toId) : nodes.get(toId);
      if (fromProject !== project && !nodes.has(fromId)) outside(fromId);
      let problem: string | undefined;
      if (!target || target.kind !== 'component') {
        problem = `Component '${toProject}/${dep.component}' does not exist`;
      } else if (!target.endpoints.project.some(e => e.name === dep.name)) {
        problem = `Component '${toProject}/${dep.component}' has no endpoint '${dep.name}'`;
      } else if (
        crossing &&
        !target.endpoints.namespace.some(e => e.name === dep.name)
      ) {
        problem = `Endpoint '${dep.name}' of '${toProject}/${dep.component}' is not visible to other projects (needs namespace visibility)`;
      }
      const edge: CellEdge = {
        id: `${fromId}->${toId}#${dep.name}`,
        kind: crossing ? 'cross-project' : 'east-west',
        from: fromId,
        to: toId,
        endpoint: dep.name,
        visibility: dep.visibility,
        connection: connectionState(from.binding, {
          project: toProject,
          component: dep.component,
          endpoint: dep.name,
        }),
        ...(problem ? { problem } : {}),
      };
      edges.set(edge.id, edge);
    }
  };
  own.forEach(c => addDependencyEdges(c, project));
  [...others.values()].forEach(c => addDependencyEdges(c, c.project));

  // north-south: gateways route to endpoints with external/internal visibility
  for (const node of [...nodes.values()]) {
    if (node.kind !== 'component' || !node.inCell) continue;
    for (const scope of ['external', 'internal'] as const) {
      for (const endpoint of node.endpoints[scope]) {
        const gateway = cellGatewayId('ingress', scope);
        if (!nodes.has(gateway)) {
          nodes.set(gateway, {
            id: gateway,
            kind: 'gateway',
            direction: 'ingress',
            scope,
          });
        }
        const id = `${gateway}->${node.id}#${endpoint.name}`;
        edges.set(id, {
          id,
          kind: 'north-south',
          from: gateway,
          to: node.id,
          endpoint: endpoint.name,
          visibility: scope,
        });
      }
    }
  }
  for (const scope of ['external', 'internal'] as const) {
    if (input.egress?.[scope]) {
      const id = cellGatewayId('egress', scope);
      nodes.set(id, { id, kind: 'gateway', direction: 'egress', scope });
    }
  }

  return {
    namespace,
    project,
    environment,
    cellNamespace:
      input.cellNamespace ?? cellNamespaceName(namespace, project, environment),
    nodes: [...nodes.values()],
    edges: [...edges.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

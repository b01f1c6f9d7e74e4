import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ChoreoKind,
  resourceKeyString,
} from '@choreo-for-backstage/plugin-choreo-common';
import { componentDeployments } from './componentDeployments';
import { componentRuntime } from './componentWorkloads';
import { componentToComponent } from './componentToComponent';
import { componentTypeToTemplate } from './componentTypeToTemplate';
import { TranslationContext } from './context';
import { endpointsToApis } from './endpointsToApis';
import { entityNamespace } from './entityNames';
import { fallbackOwnerGroup, namespaceToDomain } from './namespaceToDomain';
import { clusterOwner, namespaceOwner, ownerOf } from './ownership';
import {
  dataPlaneToResource,
  environmentToResource,
  pipelineToResource,
  workflowPlaneToResource,
} from './platformToResources';
import { projectToSystem } from './projectToSystem';
import { resourceToResource } from './resourceToResource';

/**
 * A translation root is the unit the provider re-translates when something
 * changes: one Choreo resource that yields entities (a Component yields its
 * Component and API entities), one namespace (its Domain and fallback
 * owner group), or the source's cluster-scoped group. Every entity comes
 * from exactly one root, so a change maps to a few roots and only their
 * entities are recomputed.
 */

export const NAMESPACED_ROOT_KINDS = [
  'Project',
  'Component',
  'Resource',
  'Environment',
  'DeploymentPipeline',
  'DataPlane',
  'WorkflowPlane',
  'ComponentType',
] as const;

export const CLUSTER_ROOT_KINDS = [
  'ClusterDataPlane',
  'ClusterWorkflowPlane',
  'ClusterComponentType',
] as const;

type RootKind =
  | (typeof NAMESPACED_ROOT_KINDS)[number]
  | (typeof CLUSTER_ROOT_KINDS)[number];

const ROOT_KINDS = new Set<string>([
  ...NAMESPACED_ROOT_KINDS,
  ...CLUSTER_ROOT_KINDS,
]);

export const CLUSTER_ROOT = '@cluster';
const NAMESPACE_ROOT_PREFIX = '@namespace:';

export function namespaceRoot(namespace: string): string {
  return `${NAMESPACE_ROOT_PREFIX}${namespace}`;
}

/** The root of a resource, or undefined for kinds that yield no entities of their own. */
export function resourceRoot(
  kind: string,
  name: string,
  namespace?: string,
): string | undefined {
  return ROOT_KINDS.has(kind)
    ? resourceKeyString({ kind: kind as ChoreoKind, name, namespace })
    : undefined;
}

/** Every root of the source, namespaces and cluster root included. */
export function listRoots(ctx: TranslationContext): string[] {
  const roots: string[] = [];
  const namespaces = new Set<string>();
  for (const kind of NAMESPACED_ROOT_KINDS) {
    for (const resource of ctx.reader.list(kind, { source: ctx.source })) {
      const namespace = resource.metadata.namespace ?? 'default';
      namespaces.add(namespace);
      roots.push(resourceRoot(kind, resource.metadata.name, namespace)!);
    }
  }
  for (const kind of CLUSTER_ROOT_KINDS) {
    for (const resource of ctx.reader.list(kind, { source: ctx.source })) {
      roots.push(resourceRoot(kind, resource.metadata.name)!);
    }
  }
  for (const ns of ctx.reader.list('Namespace', { source: ctx.source })) {
    namespaces.add(ns.metadata.name);
  }
  for (const namespace of Array.from(namespaces).sort()) {
    roots.push(namespaceRoot(namespace));
  }
  roots.push(CLUSTER_ROOT);
  return roots;
}

function hasNamespaceContent(ctx: TranslationContext, namespace: string) {
  const declared = ctx.reader.get('Namespace', namespace);
  if (
    declared &&
    ctx.reader.sourceOf({ kind: 'Namespace', name: namespace }) === ctx.source
  ) {
    return true;
  }
  return NAMESPACED_ROOT_KINDS.some(
    kind => ctx.reader.list(kind, { namespace, source: ctx.source }).length > 0,
  );
}

function translateNamespace(
  ctx: TranslationContext,
  namespace: string,
): Entity[] {
  if (!hasNamespaceContent(ctx, namespace)) {
    return [];
  }
  const entities: Entity[] = [namespaceToDomain(ctx, namespace)];
  if (!namespaceOwner(ctx, namespace)) {
    entities.push(fallbackOwnerGroup(ctx, entityNamespace({ namespace })));
  }
  return entities;
}

function translateCluster(ctx: TranslationContext): Entity[] {
  const hasClusterContent = CLUSTER_ROOT_KINDS.some(
    kind => ctx.reader.list(kind, { source: ctx.source }).length > 0,
  );
  if (!hasClusterContent || clusterOwner(ctx)) {
    return [];
  }
  return [
    fallbackOwnerGroup(
      ctx,
      entityNamespace({ cluster: true, source: ctx.source }),
    ),
  ];
}

function parseResourceRoot(
  root: string,
): { kind: RootKind; name: string; namespace?: string } | undefined {
  const colon = root.indexOf(':');
  const kind = root.slice(0, colon);
  if (colon < 0 || !ROOT_KINDS.has(kind)) {
    return undefined;
  }
  const rest = root.slice(colon + 1);
  const slash = rest.indexOf('/');
  return slash < 0
    ? { kind: kind as RootKind, name: rest }
    : {
        kind: kind as RootKind,
        namespace: rest.slice(0, slash),
        name: rest.slice(slash + 1),
      };
}

/**
 * The entities of one root as the store holds it now; none when the root's
 * resource is gone or another source provides it. Throws when a resource is
 * too malformed to translate (the provider then keeps what it had).
 */
export function translateRoot(ctx: TranslationContext, root: string): Entity[] {
  if (root === CLUSTER_ROOT) {
    return translateCluster(ctx);
  }
  if (root.startsWith(NAMESPACE_ROOT_PREFIX)) {
    return translateNamespace(ctx, root.slice(NAMESPACE_ROOT_PREFIX.length));
  }
  const key = parseResourceRoot(root);
  if (!key || ctx.reader.sourceOf(key) !== ctx.source) {
    return [];
  }
  const { reader } = ctx;
  switch (key.kind) {
    case 'Project': {
      const project = reader.get('Project', key.name, key.namespace);
      return project ? [projectToSystem(ctx, project)] : [];
    }
    case 'Component': {
      const component = reader.get('Component', key.name, key.namespace);
      if (!component) {
        return [];
      }
      const namespace = key.namespace ?? 'default';
      const project = component.spec.owner.projectName;
      const deployments = componentDeployments(
        reader,
        namespace,
        project,
        key.name,
      );
      const facts = {
        owner: ownerOf(ctx, component, project),
        runtime: componentRuntime(reader, namespace, project, key.name),
        ...deployments,
      };
      return [
        componentToComponent(ctx, component, facts),
        ...endpointsToApis(ctx, component, facts),
      ];
    }
    case 'Resource': {
      const resource = reader.get('Resource', key.name, key.namespace);
      return resource ? [resourceToResource(ctx, resource)] : [];
    }
    case 'Environment': {
      const environment = reader.get('Environment', key.name, key.namespace);
      return environment ? [environmentToResource(ctx, environment)] : [];
    }
    case 'DeploymentPipeline': {
      const pipeline = reader.get(key.kind, key.name, key.namespace);
      return pipeline ? [pipelineToResource(ctx, pipeline)] : [];
    }
    case 'DataPlane':
    case 'ClusterDataPlane': {
      const plane = reader.get(key.kind, key.name, key.namespace);
      return plane ? [dataPlaneToResource(ctx, plane)] : [];
    }
    case 'WorkflowPlane':
    case 'ClusterWorkflowPlane': {
      const plane = reader.get(key.kind, key.name, key.namespace);
      return plane ? [workflowPlaneToResource(ctx, plane)] : [];
    }
    case 'ComponentType':
    case 'ClusterComponentType': {
      const type = reader.get(key.kind, key.name, key.namespace);
      return type ? [componentTypeToTemplate(ctx, type)] : [];
    }
    default:
      return [];
  }
}

/**
 * Every entity of the source (what a full sync emits), once per ref: the
 * fallback owner group of a source named like one of its namespaces comes
 * from two roots. For tests and benchmarks; the provider tracks roots itself.
 */
export function translateSource(ctx: TranslationContext): Entity[] {
  const byRef = new Map<string, Entity>();
  for (const root of listRoots(ctx)) {
    for (const entity of translateRoot(ctx, root)) {
      byRef.set(stringifyEntityRef(entity), entity);
    }
  }
  return Array.from(byRef.values());
}

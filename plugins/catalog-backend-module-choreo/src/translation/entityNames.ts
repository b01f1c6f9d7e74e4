import { createHash } from 'crypto';
import { stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The one place that decides the names and refs of the entities the Choreo
 * provider emits. Choreo namespaces become Backstage namespaces, so the same
 * project name in two organizations never collides; cluster-scoped resources
 * (ClusterComponentType, ClusterDataPlane, …) belong to no organization and
 * live in a Backstage namespace named after their source (the control plane
 * they come from).
 *
 * Resource entities of different Choreo kinds share one Backstage kind, so
 * pipelines, planes and managed resources carry a suffix (`default-pipeline`,
 * `default-dataplane`, `orders-db-resource`); environments keep their plain name because they are
 * what users refer to most (`resource:acme/production`).
 */

const MAX_NAME = 63;
const VALID_NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;
const VALID_NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function hash8(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/**
 * A valid Backstage name for `raw`: `raw` itself when it is valid, otherwise
 * a cleaned and shortened form with a hash of `raw`, so two different inputs
 * never end up with the same name.
 */
export function toEntityName(raw: string): string {
  if (raw.length <= MAX_NAME && VALID_NAME.test(raw)) {
    return raw;
  }
  const cleaned = raw
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME - 9)
    .replace(/-+$/, '');
  return cleaned ? `${cleaned}-${hash8(raw)}` : `x-${hash8(raw)}`;
}

/** A valid Backstage namespace for a Choreo namespace or source name. */
export function toEntityNamespace(raw: string): string {
  if (raw.length <= MAX_NAME && VALID_NAMESPACE.test(raw)) {
    return raw;
  }
  const cleaned = raw
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME - 9)
    .replace(/-+$/, '');
  return cleaned ? `${cleaned}-${hash8(raw)}` : `x-${hash8(raw)}`;
}

const tagCache = new Map<string, string | undefined>();

/** A valid Backstage tag (lower case, dashes) or undefined when nothing is left. */
export function toTag(raw: string): string | undefined {
  // Few distinct values (types, visibilities) on many entities: remember them.
  if (tagCache.has(raw)) {
    return tagCache.get(raw);
  }
  const tag =
    raw
      .toLowerCase()
      .replace(/[^a-z0-9:+#]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_NAME)
      .replace(/-+$/, '') || undefined;
  if (tagCache.size < 10_000) {
    tagCache.set(raw, tag);
  }
  return tag;
}

/** Where an entity lives: a Choreo namespace, or the source for cluster-scoped resources. */
export type Placement =
  | { namespace: string }
  | { cluster: true; source: string };

export function entityNamespace(placement: Placement): string {
  return toEntityNamespace(
    'namespace' in placement ? placement.namespace : placement.source,
  );
}

export interface EntityIdentity {
  kind: string;
  namespace: string;
  name: string;
}

function identity(kind: string, namespace: string, rawName: string) {
  return {
    kind,
    namespace: toEntityNamespace(namespace),
    name: toEntityName(rawName),
  };
}

/** The names of every entity the provider emits. */
export const entityNames = {
  domain: (namespace: string): EntityIdentity =>
    identity('Domain', namespace, namespace),
  /** The group that owns what nobody was assigned to, one per Backstage namespace. */
  fallbackOwnerGroup: (backstageNamespace: string): EntityIdentity =>
    identity('Group', backstageNamespace, `${backstageNamespace}-team`),
  system: (namespace: string, project: string): EntityIdentity =>
    identity('System', namespace, project),
  component: (namespace: string, component: string): EntityIdentity =>
    identity('Component', namespace, component),
  api: (namespace: string, component: string, endpoint: string) =>
    identity('API', namespace, `${component}-${endpoint}`),
  environment: (namespace: string, environment: string): EntityIdentity =>
    identity('Resource', namespace, environment),
  pipeline: (namespace: string, pipeline: string): EntityIdentity =>
    identity('Resource', namespace, `${pipeline}-pipeline`),
  /** A managed Resource (database, cache, queue) of a project. */
  managedResource: (namespace: string, resource: string): EntityIdentity =>
    identity('Resource', namespace, `${resource}-resource`),
  dataPlane: (placement: Placement, name: string): EntityIdentity =>
    identity('Resource', entityNamespace(placement), `${name}-dataplane`),
  workflowPlane: (placement: Placement, name: string): EntityIdentity =>
    identity('Resource', entityNamespace(placement), `${name}-workflowplane`),
  template: (placement: Placement, componentType: string): EntityIdentity =>
    identity('Template', entityNamespace(placement), componentType),
};

/** `kind:namespace/name`, lower-cased kind, as Backstage relations expect. */
export function refOf(id: EntityIdentity): string {
  return stringifyEntityRef(id);
}

/** Convenience: the ref of an entity the provider emits. */
export const entityRefs = {
  domain: (namespace: string) => refOf(entityNames.domain(namespace)),
  fallbackOwnerGroup: (backstageNamespace: string) =>
    refOf(entityNames.fallbackOwnerGroup(backstageNamespace)),
  system: (namespace: string, project: string) =>
    refOf(entityNames.system(namespace, project)),
  component: (namespace: string, component: string) =>
    refOf(entityNames.component(namespace, component)),
  api: (namespace: string, component: string, endpoint: string) =>
    refOf(entityNames.api(namespace, component, endpoint)),
  environment: (namespace: string, environment: string) =>
    refOf(entityNames.environment(namespace, environment)),
  pipeline: (namespace: string, pipeline: string) =>
    refOf(entityNames.pipeline(namespace, pipeline)),
  managedResource: (namespace: string, resource: string) =>
    refOf(entityNames.managedResource(namespace, resource)),
  dataPlane: (placement: Placement, name: string) =>
    refOf(entityNames.dataPlane(placement, name)),
  workflowPlane: (placement: Placement, name: string) =>
    refOf(entityNames.workflowPlane(placement, name)),
  template: (placement: Placement, componentType: string) =>
    refOf(entityNames.template(placement, componentType)),
};

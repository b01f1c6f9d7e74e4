import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';

/**
 * `spec.type` of the Resource entities the choreo catalog provider makes
 * from the platform kinds (see catalog-backend-module-choreo's
 * platformToResources).
 */
export const PLATFORM_RESOURCE_TYPES = {
  environment: 'environment',
  pipeline: 'deployment-pipeline',
  dataPlane: 'kubernetes-cluster',
  workflowPlane: 'workflow-plane',
} as const;

const annotation = (entity: Entity, key: string) =>
  entity.metadata.annotations?.[key];

const refsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];

/** What an entity page link needs, and what a person reads. */
export interface PlatformEntityRef {
  ref: string;
  title: string;
}

export function platformRef(entity: Entity): PlatformEntityRef {
  return {
    ref: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
  };
}

export interface EnvironmentInfo extends PlatformEntityRef {
  /** The Choreo Environment name (what flows and deployments use). */
  name: string;
  /** Its control-plane namespace. */
  namespace: string;
  production: boolean;
  description?: string;
  /** Entity ref of the data plane it runs on. */
  dataPlaneRef?: string;
}

export function environmentInfo(entity: Entity): EnvironmentInfo {
  const dataPlaneRef = refsOf(entity.spec?.dependsOn).find(
    ref => parseEntityRef(ref).kind.toLowerCase() === 'resource',
  );
  return {
    ...platformRef(entity),
    name:
      annotation(entity, CHOREO_ENTITY_ANNOTATIONS.environment) ??
      annotation(entity, CHOREO_ENTITY_ANNOTATIONS.name) ??
      entity.metadata.name,
    namespace:
      annotation(entity, CHOREO_ENTITY_ANNOTATIONS.namespace) ??
      entity.metadata.namespace ??
      'default',
    production: (entity.metadata.tags ?? []).includes('production'),
    description: entity.metadata.description,
    dataPlaneRef,
  };
}

export interface PipelineInfo extends PlatformEntityRef {
  namespace: string;
  description?: string;
  /** Environment entity refs, in no particular order (the catalog does not keep one). */
  environmentRefs: string[];
  /** System entity refs of the projects that deploy along it. */
  projectRefs: string[];
}

export function pipelineInfo(entity: Entity): PipelineInfo {
  return {
    ...platformRef(entity),
    namespace:
      annotation(entity, CHOREO_ENTITY_ANNOTATIONS.namespace) ??
      entity.metadata.namespace ??
      'default',
    description: entity.metadata.description,
    environmentRefs: refsOf(entity.spec?.dependsOn),
    projectRefs: refsOf(entity.spec?.dependencyOf),
  };
}

export interface PlaneInfo extends PlatformEntityRef {
  /** The id its cluster agent connects with. */
  planeId?: string;
  /** Cluster-scoped planes (ClusterDataPlane, …) serve every namespace. */
  clusterScoped: boolean;
  networkPolicyProvider?: string;
}

export function planeInfo(entity: Entity): PlaneInfo {
  const kind = annotation(entity, CHOREO_ENTITY_ANNOTATIONS.kind) ?? '';
  return {
    ...platformRef(entity),
    planeId: annotation(entity, CHOREO_ENTITY_ANNOTATIONS.planeId),
    clusterScoped: kind.startsWith('Cluster'),
    networkPolicyProvider: annotation(
      entity,
      'openchoreo.dev/networkpolicyprovider',
    ),
  };
}

/**
 * Environments of one namespace in the order a change travels through them.
 * The catalog keeps a pipeline's environments as an unordered set, so the
 * order comes from the choreo backend (`promotionOrder`, a component's
 * pipeline); environments it does not name follow by name, production last.
 */
export function orderEnvironments(
  environments: EnvironmentInfo[],
  promotionOrder: readonly string[] = [],
): EnvironmentInfo[] {
  const rank = (e: EnvironmentInfo) => {
    const i = promotionOrder.indexOf(e.name);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return environments.slice().sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.production !== b.production) return a.production ? 1 : -1;
    return a.name.localeCompare(b.name);
  });
}

import { ResourceEntity } from '@backstage/catalog-model';
import {
  CHOREO_ANNOTATIONS,
  ClusterDataPlane,
  ClusterWorkflowPlane,
  DataPlane,
  DeploymentPipeline,
  Environment,
  WorkflowPlane,
} from '@choreo-for-backstage/plugin-choreo-common';
import { CHOREO_ENTITY_ANNOTATIONS } from './annotations';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { Placement, entityNames, entityRefs } from './entityNames';
import { ownerOf } from './ownership';
import { pipelineNameOf } from './projectToSystem';

/** Resource `spec.type` per Choreo platform kind. */
export const RESOURCE_TYPES = {
  environment: 'environment',
  pipeline: 'deployment-pipeline',
  dataPlane: 'kubernetes-cluster',
  workflowPlane: 'workflow-plane',
} as const;

/** Where a cluster-scoped resource lives: under the source that provides it. */
function clusterPlacement(
  ctx: TranslationContext,
  kind: 'ClusterDataPlane' | 'ClusterWorkflowPlane',
  name: string,
): Placement {
  return {
    cluster: true,
    source: ctx.reader.sourceOf({ kind, name }) ?? ctx.source,
  };
}

function placementOf(
  ctx: TranslationContext,
  resource: { kind: string; metadata: { name: string; namespace?: string } },
): Placement {
  return resource.metadata.namespace
    ? { namespace: resource.metadata.namespace }
    : { cluster: true, source: ctx.source };
}

/**
 * The data plane an environment runs on. Unset means the DataPlane `default`
 * of the namespace when there is one, else the ClusterDataPlane `default`
 * (OpenChoreo's own resolution order).
 */
export function environmentDataPlaneRef(
  ctx: TranslationContext,
  environment: Environment,
): string {
  const namespace = environment.metadata.namespace ?? 'default';
  const ref = environment.spec?.dataPlaneRef;
  if (ref?.kind === 'ClusterDataPlane') {
    return entityRefs.dataPlane(
      clusterPlacement(ctx, 'ClusterDataPlane', ref.name),
      ref.name,
    );
  }
  if (ref?.name) {
    return entityRefs.dataPlane({ namespace }, ref.name);
  }
  return ctx.reader.get('DataPlane', 'default', namespace)
    ? entityRefs.dataPlane({ namespace }, 'default')
    : entityRefs.dataPlane(
        clusterPlacement(ctx, 'ClusterDataPlane', 'default'),
        'default',
      );
}

export function environmentToResource(
  ctx: TranslationContext,
  environment: Environment,
): ResourceEntity {
  const namespace = environment.metadata.namespace ?? 'default';
  const name = environment.metadata.name;
  const production = environment.spec?.isProduction === true;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: entityMetadata({
      id: entityNames.environment(namespace, name),
      source: ctx.source,
      resource: environment,
      annotations: { [CHOREO_ENTITY_ANNOTATIONS.environment]: name },
      tags: [production ? 'production' : 'non-production'],
    }),
    spec: {
      type: RESOURCE_TYPES.environment,
      owner: ownerOf(ctx, environment),
      dependsOn: [environmentDataPlaneRef(ctx, environment)],
    },
  };
}

/** Promotion order as text, e.g. `development → staging → production`. */
function promotionSummary(pipeline: DeploymentPipeline): string | undefined {
  const paths = pipeline.spec?.promotionPaths ?? [];
  const steps = paths.map(
    p =>
      `${p.sourceEnvironmentRef?.name} → ${(p.targetEnvironmentRefs ?? [])
        .map(t => t.name)
        .join(', ')}`,
  );
  return steps.length > 0 ? `Promotion paths: ${steps.join('; ')}` : undefined;
}

function pipelineEnvironments(pipeline: DeploymentPipeline): string[] {
  const names = new Set<string>();
  for (const path of pipeline.spec?.promotionPaths ?? []) {
    if (path.sourceEnvironmentRef?.name) {
      names.add(path.sourceEnvironmentRef.name);
    }
    for (const target of path.targetEnvironmentRefs ?? []) {
      if (target?.name) {
        names.add(target.name);
      }
    }
  }
  return Array.from(names);
}

/**
 * A DeploymentPipeline: it depends on its environments, and the Systems of
 * the projects that deploy along it depend on it (`dependencyOf`).
 */
export function pipelineToResource(
  ctx: TranslationContext,
  pipeline: DeploymentPipeline,
): ResourceEntity {
  const namespace = pipeline.metadata.namespace ?? 'default';
  const name = pipeline.metadata.name;
  const projects = ctx.reader
    .list('Project', { namespace, source: ctx.source })
    .filter(project => pipelineNameOf(project) === name)
    .map(project => project.metadata.name)
    .sort();
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: entityMetadata({
      id: entityNames.pipeline(namespace, name),
      source: ctx.source,
      resource: pipeline,
      description:
        pipeline.metadata.annotations?.[CHOREO_ANNOTATIONS.description] ??
        promotionSummary(pipeline),
    }),
    spec: {
      type: RESOURCE_TYPES.pipeline,
      owner: ownerOf(ctx, pipeline),
      dependsOn: pipelineEnvironments(pipeline).map(env =>
        entityRefs.environment(namespace, env),
      ),
      dependencyOf: projects.map(project =>
        entityRefs.system(namespace, project),
      ),
    },
  };
}

/**
 * Annotations the Backstage Kubernetes plugin reads from a
 * `kubernetes-cluster` Resource (`kubernetes.io/api-server`, …) are passed
 * through, so a platform engineer can make a data plane usable there by
 * annotating the DataPlane.
 */
function kubernetesAnnotations(
  annotations: Record<string, string> | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations ?? {}).filter(([key]) =>
      key.startsWith('kubernetes.io/'),
    ),
  );
}

export function dataPlaneToResource(
  ctx: TranslationContext,
  plane: DataPlane | ClusterDataPlane,
): ResourceEntity {
  const name = plane.metadata.name;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: entityMetadata({
      id: entityNames.dataPlane(placementOf(ctx, plane), name),
      source: ctx.source,
      resource: plane,
      annotations: {
        ...kubernetesAnnotations(plane.metadata.annotations),
        [CHOREO_ENTITY_ANNOTATIONS.planeId]: plane.spec?.planeID ?? name,
        [CHOREO_ANNOTATIONS.networkPolicyProvider]:
          plane.metadata.annotations?.[
            CHOREO_ANNOTATIONS.networkPolicyProvider
          ],
      },
      tags: ['data-plane'],
    }),
    spec: {
      type: RESOURCE_TYPES.dataPlane,
      owner: ownerOf(ctx, plane),
    },
  };
}

export function workflowPlaneToResource(
  ctx: TranslationContext,
  plane: WorkflowPlane | ClusterWorkflowPlane,
): ResourceEntity {
  const name = plane.metadata.name;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: entityMetadata({
      id: entityNames.workflowPlane(placementOf(ctx, plane), name),
      source: ctx.source,
      resource: plane,
      annotations: {
        ...kubernetesAnnotations(plane.metadata.annotations),
        [CHOREO_ENTITY_ANNOTATIONS.planeId]: plane.spec?.planeID ?? name,
      },
      tags: ['workflow-plane'],
    }),
    spec: {
      type: RESOURCE_TYPES.workflowPlane,
      owner: ownerOf(ctx, plane),
    },
  };
}

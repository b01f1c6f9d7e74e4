import { ResourceEntity } from '@backstage/catalog-model';
import {
  Resource,
  resourceTypeKindOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { CHOREO_ENTITY_ANNOTATIONS } from './annotations';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { entityNames, entityRefs } from './entityNames';
import { ownerOf } from './ownership';

/**
 * Environments a managed resource is provisioned in: those whose
 * ResourceReleaseBinding pins a release. Sorted, so the entity is stable.
 */
export function boundEnvironments(
  reader: ChoreoStoreReader,
  namespace: string,
  project: string,
  resource: string,
): string[] {
  const environments = new Set<string>();
  for (const binding of reader.list('ResourceReleaseBinding', {
    namespace,
    project,
  })) {
    if (
      binding.spec?.owner?.resourceName === resource &&
      binding.spec.environment &&
      binding.spec.resourceRelease
    ) {
      environments.add(binding.spec.environment);
    }
  }
  return Array.from(environments).sort();
}

/**
 * A managed Resource (database, cache, queue) as a Backstage Resource of its
 * project's System, typed by its (Cluster)ResourceType's name. It depends on
 * the environments it is provisioned in; the components that consume it
 * declare `dependsOn` it, and Backstage adds the `dependencyOf` side.
 */
export function resourceToResource(
  ctx: TranslationContext,
  resource: Resource,
): ResourceEntity {
  const namespace = resource.metadata.namespace ?? 'default';
  const name = resource.metadata.name;
  const project = resource.spec.owner.projectName;
  const typeName = resource.spec.type.name;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: entityMetadata({
      id: entityNames.managedResource(namespace, name),
      source: ctx.source,
      resource,
      annotations: {
        [CHOREO_ENTITY_ANNOTATIONS.project]: project,
        [CHOREO_ENTITY_ANNOTATIONS.resourceType]: `${resourceTypeKindOf(
          resource,
        )}:${typeName}`,
      },
      tags: ['managed-resource', typeName],
    }),
    spec: {
      type: typeName,
      owner: ownerOf(ctx, resource, project),
      system: entityRefs.system(namespace, project),
      dependsOn: boundEnvironments(ctx.reader, namespace, project, name).map(
        env => entityRefs.environment(namespace, env),
      ),
    },
  };
}

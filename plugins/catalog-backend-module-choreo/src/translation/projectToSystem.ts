import { SystemEntity } from '@backstage/catalog-model';
import { Project } from '@choreo-for-backstage/plugin-choreo-common';
import { CHOREO_ENTITY_ANNOTATIONS } from './annotations';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { entityNames, entityRefs } from './entityNames';
import { ownerOf } from './ownership';

/** The pipeline a project deploys along; before v1.0 the ref was a plain string. */
export function pipelineNameOf(project: Project): string | undefined {
  const ref = project.spec?.deploymentPipelineRef;
  return typeof ref === 'string' ? ref || undefined : ref?.name;
}

/**
 * A Project (a cell) as a System in its namespace's Domain. The System's
 * dependency on its pipeline is declared from the pipeline's side
 * (`dependencyOf`), as Backstage Systems carry no `dependsOn`.
 */
export function projectToSystem(
  ctx: TranslationContext,
  project: Project,
): SystemEntity {
  const namespace = project.metadata.namespace ?? 'default';
  const name = project.metadata.name;
  const projectType = project.spec?.type;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: entityMetadata({
      id: entityNames.system(namespace, name),
      source: ctx.source,
      resource: project,
      annotations: {
        [CHOREO_ENTITY_ANNOTATIONS.project]: name,
      },
      tags: [projectType?.name ? `type-${projectType.name}` : undefined],
    }),
    spec: {
      owner: ownerOf(ctx, project, name),
      domain: entityRefs.domain(namespace),
    },
  };
}

import { ComponentEntity } from '@backstage/catalog-model';
import {
  CHOREO_LABELS,
  Component,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  BACKSTAGE_ANNOTATIONS,
  CHOREO_ENTITY_ANNOTATIONS,
} from './annotations';
import { ComponentRuntime } from './componentWorkloads';
import {
  componentTypeAnnotation,
  specTypeOf,
  splitComponentTypeRef,
} from './componentTypeNames';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { entityNames, entityRefs } from './entityNames';
import { componentRepository, sourceLocationUrl } from './repositoryLocation';

/** What the component translator needs beyond the Component itself. */
export interface ComponentFacts {
  owner: string;
  runtime: ComponentRuntime;
  environments: string[];
  lifecycle: string;
}

/**
 * The selector the Backstage Kubernetes plugin uses to find a component's
 * workloads: OpenChoreo labels everything it renders for a component with
 * these, in every cell (data-plane namespace) of every environment.
 */
export function kubernetesLabelSelector(
  namespace: string,
  project: string,
  component: string,
): string {
  return [
    `${CHOREO_LABELS.component}=${component}`,
    `${CHOREO_LABELS.project}=${project}`,
    `${CHOREO_LABELS.namespace}=${namespace}`,
  ].join(',');
}

/** A Choreo Component as a Backstage Component, with its APIs and dependencies as relations. */
export function componentToComponent(
  ctx: TranslationContext,
  component: Component,
  facts: ComponentFacts,
): ComponentEntity {
  const namespace = component.metadata.namespace ?? 'default';
  const name = component.metadata.name;
  const project = component.spec.owner.projectName;
  const { workloadType, typeName } = splitComponentTypeRef(
    component.spec.componentType.name,
  );
  const repository = componentRepository(ctx.reader, component);
  const sourceUrl = repository ? sourceLocationUrl(repository) : undefined;

  const consumed = facts.runtime.dependencies.map(d =>
    entityRefs.api(namespace, d.component, d.name),
  );
  const dependsOn = [
    ...facts.runtime.dependencies.map(d =>
      entityRefs.component(namespace, d.component),
    ),
    ...facts.runtime.resources.map(ref =>
      entityRefs.managedResource(namespace, ref),
    ),
    ...facts.environments.map(env => entityRefs.environment(namespace, env)),
  ];

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: entityMetadata({
      id: entityNames.component(namespace, name),
      source: ctx.source,
      resource: component,
      annotations: {
        [CHOREO_ENTITY_ANNOTATIONS.project]: project,
        [CHOREO_ENTITY_ANNOTATIONS.component]: name,
        [CHOREO_ENTITY_ANNOTATIONS.componentType]:
          componentTypeAnnotation(component),
        [BACKSTAGE_ANNOTATIONS.kubernetesLabelSelector]:
          kubernetesLabelSelector(namespace, project, name),
        [BACKSTAGE_ANNOTATIONS.sourceLocation]: sourceUrl
          ? `url:${sourceUrl}`
          : undefined,
      },
      tags: [workloadType, typeName],
    }),
    spec: {
      type: specTypeOf(typeName),
      lifecycle: facts.lifecycle,
      owner: facts.owner,
      system: entityRefs.system(namespace, project),
      providesApis: facts.runtime.endpoints.map(e =>
        entityRefs.api(namespace, name, e.name),
      ),
      consumesApis: unique(consumed),
      dependsOn: unique(dependsOn),
    },
  };
}

function unique(values: string[]): string[] {
  return Array.from(new Set(values));
}

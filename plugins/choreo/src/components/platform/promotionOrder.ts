import { CatalogApi } from '@backstage/plugin-catalog-react';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoApi } from '../../api/choreoApi';

const key = (annotation: string) => `metadata.annotations.${annotation}`;

/**
 * The environments of a component's pipeline in promotion order (roots
 * first), as the choreo backend computes it from the DeploymentPipeline.
 * Undefined when it cannot be had: the order is a nicety, never an error.
 */
export async function componentPromotionOrder(
  choreoApi: ChoreoApi,
  component: { namespace: string; name: string },
): Promise<string[] | undefined> {
  try {
    const deployments = await choreoApi.getDeployments(component);
    return deployments.pipeline.environments;
  } catch {
    return undefined;
  }
}

/** The same for a project: through one of its components, as projects have no deployments of their own. */
export async function projectPromotionOrder(
  catalogApi: CatalogApi,
  choreoApi: ChoreoApi,
  project: { namespace: string; name: string },
): Promise<string[] | undefined> {
  try {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Component',
        [key(CHOREO_ENTITY_ANNOTATIONS.kind)]: 'Component',
        [key(CHOREO_ENTITY_ANNOTATIONS.namespace)]: project.namespace,
        [key(CHOREO_ENTITY_ANNOTATIONS.project)]: project.name,
      },
      fields: ['metadata.annotations'],
      limit: 1,
    });
    const name =
      items[0]?.metadata.annotations?.[CHOREO_ENTITY_ANNOTATIONS.name];
    return name
      ? await componentPromotionOrder(choreoApi, {
          namespace: project.namespace,
          name,
        })
      : undefined;
  } catch {
    return undefined;
  }
}

import { Entity } from '@backstage/catalog-model';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';

/**
 * A Resource entity of namespace `acme` as the choreo catalog provider makes
 * it from a platform kind (catalog-backend-module-choreo's
 * platformToResources): Environment, DeploymentPipeline, DataPlane, …
 */
export function platformResource(o: {
  /** The entity's name, e.g. `default-pipeline`. */
  name: string;
  /** The Choreo kind it comes from, e.g. `DeploymentPipeline`. */
  kind: string;
  /** The Choreo resource's own name, e.g. `default`; the entity's name when unset. */
  choreoName?: string;
  /** `spec.type`, e.g. `deployment-pipeline`. */
  type: string;
  title?: string;
  tags?: string[];
  annotations?: Record<string, string>;
  spec?: Record<string, unknown>;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: o.name,
      namespace: 'acme',
      title: o.title,
      tags: o.tags,
      annotations: {
        [CHOREO_ENTITY_ANNOTATIONS.kind]: o.kind,
        [CHOREO_ENTITY_ANNOTATIONS.name]: o.choreoName ?? o.name,
        [CHOREO_ENTITY_ANNOTATIONS.namespace]: 'acme',
        ...o.annotations,
      },
    },
    spec: { type: o.type, owner: 'group:acme/platform', ...o.spec },
  };
}

/** An Environment of namespace `acme` on its `default` data plane. */
export const environmentResource = (
  name: string,
  title: string,
  production = false,
): Entity =>
  platformResource({
    name,
    kind: 'Environment',
    type: 'environment',
    title,
    tags: [production ? 'production' : 'non-production'],
    annotations: { [CHOREO_ENTITY_ANNOTATIONS.environment]: name },
    spec: { dependsOn: ['resource:acme/default-dataplane'] },
  });

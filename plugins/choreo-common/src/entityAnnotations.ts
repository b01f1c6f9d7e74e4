import { CHOREO_LABELS } from './constants';

/**
 * Annotations the catalog provider puts on the entities it makes, so frontend
 * plugins and scaffolder actions can find the Choreo resource behind an
 * entity. The identity keys reuse the label keys OpenChoreo puts on rendered
 * objects.
 */
export const CHOREO_ENTITY_ANNOTATIONS = {
  /** The Choreo kind the entity was made from (`Component`, `Environment`, …). */
  kind: 'openchoreo.dev/kind',
  /** The Choreo resource name (entity names may be shortened). */
  name: 'openchoreo.dev/name',
  /** The configured source (control plane or directory) it came from. */
  source: 'openchoreo.dev/source',
  namespace: CHOREO_LABELS.namespace,
  project: CHOREO_LABELS.project,
  component: CHOREO_LABELS.component,
  environment: CHOREO_LABELS.environment,
  /** `{kind}:{name}` of the component type, e.g. `ClusterComponentType:deployment/service`. */
  componentType: 'openchoreo.dev/component-type',
  endpoint: CHOREO_LABELS.endpointName,
  endpointVisibility: CHOREO_LABELS.endpointVisibility,
  endpointType: 'openchoreo.dev/endpoint-type',
  endpointPort: 'openchoreo.dev/endpoint-port',
  /** `{kind}:{name}` of a managed resource's type, e.g. `ClusterResourceType:postgres`. */
  resourceType: 'openchoreo.dev/resource-type',
  /** The plane id a data or workflow plane's cluster agent connects with. */
  planeId: 'openchoreo.dev/plane-id',
} as const;

/** Scaffolder action ids of scaffolder-backend-module-choreo, used by templates. */
export const CHOREO_ACTIONS = {
  projectCreate: 'choreo:project:create',
  componentCreate: 'choreo:component:create',
  buildTrigger: 'choreo:build:trigger',
  buildWait: 'choreo:build:wait',
  releasePromote: 'choreo:release:promote',
  releaseRollback: 'choreo:release:rollback',
  environmentCreate: 'choreo:environment:create',
  pipelineCreate: 'choreo:pipeline:create',
  dependencyAdd: 'choreo:dependency:add',
} as const;

/**
 * The catalog entity ref of a Choreo component: the catalog module maps the
 * Choreo namespace to the entity namespace and keeps the component name.
 */
export function choreoComponentEntityRef(component: {
  namespace: string;
  name: string;
}): string {
  return `component:${component.namespace}/${component.name}`;
}

import {
  ChoreoResource,
  Component,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  StoreChange,
} from '@choreo-for-backstage/plugin-choreo-node';
import { pipelineNameOf } from '../translation/projectToSystem';
import {
  CLUSTER_ROOT,
  NAMESPACED_ROOT_KINDS,
  namespaceRoot,
  resourceRoot,
} from '../translation/translationRoots';

function componentRoot(namespace: string, name: string | undefined) {
  return name ? resourceRoot('Component', name, namespace) : undefined;
}

function ownerComponent(resource: ChoreoResource): string | undefined {
  const owner = (resource.spec as { owner?: { componentName?: string } })
    ?.owner;
  return owner?.componentName;
}

function usesWorkflow(component: Component, kind: string, name: string) {
  const workflow = component.spec?.workflow;
  return (
    workflow?.name === name && (workflow.kind ?? 'ClusterWorkflow') === kind
  );
}

/** Roots whose entities may change when `resource` (one version of it) changes. */
function rootsOf(
  reader: ChoreoStoreReader,
  resource: ChoreoResource,
): Array<string | undefined> {
  const { name } = resource.metadata;
  const namespace = resource.metadata.namespace ?? 'default';
  const own = resourceRoot(resource.kind, name, resource.metadata.namespace);
  switch (resource.kind) {
    case 'Namespace':
      // Owners fall back to the namespace's annotation: everything in it may change.
      return [
        namespaceRoot(name),
        ...NAMESPACED_ROOT_KINDS.flatMap(kind =>
          reader
            .list(kind, { namespace: name })
            .map(r => resourceRoot(kind, r.metadata.name, name)),
        ),
      ];
    case 'Project': {
      const pipeline = pipelineNameOf(resource);
      return [
        own,
        namespaceRoot(namespace),
        pipeline
          ? resourceRoot('DeploymentPipeline', pipeline, namespace)
          : undefined,
        ...reader
          .list('Component', { namespace, project: name })
          .map(c => componentRoot(namespace, c.metadata.name)),
        // managed resources take their owner from the project too
        ...reader
          .list('Resource', { namespace, project: name })
          .map(r => resourceRoot('Resource', r.metadata.name, namespace)),
      ];
    }
    case 'Component':
      return [own, namespaceRoot(namespace)];
    case 'Workload':
    case 'ReleaseBinding':
      return [componentRoot(namespace, ownerComponent(resource))];
    case 'ResourceReleaseBinding': {
      const owner = resource.spec?.owner?.resourceName;
      return [owner ? resourceRoot('Resource', owner, namespace) : undefined];
    }
    case 'Environment':
      // Lifecycle of the components deployed there follows `isProduction`.
      return [
        own,
        namespaceRoot(namespace),
        ...reader
          .list('ReleaseBinding', { namespace, environment: name })
          .map(b => componentRoot(namespace, ownerComponent(b))),
      ];
    case 'DataPlane':
      // Environments without a dataPlaneRef resolve to the namespace's `default`.
      return [
        own,
        namespaceRoot(namespace),
        ...reader
          .list('Environment', { namespace })
          .map(e => resourceRoot('Environment', e.metadata.name, namespace)),
      ];
    case 'ClusterDataPlane':
      return [
        own,
        CLUSTER_ROOT,
        ...reader
          .list('Environment')
          .map(e =>
            resourceRoot('Environment', e.metadata.name, e.metadata.namespace),
          ),
      ];
    case 'Workflow':
    case 'ClusterWorkflow':
      // Source locations are read through the workflow's repository markers.
      return reader
        .list(
          'Component',
          resource.kind === 'Workflow' ? { namespace } : undefined,
        )
        .filter(c => usesWorkflow(c, resource.kind, name))
        .map(c =>
          componentRoot(c.metadata.namespace ?? 'default', c.metadata.name),
        );
    case 'ClusterWorkflowPlane':
    case 'ClusterComponentType':
      return [own, CLUSTER_ROOT];
    default:
      return own ? [own, namespaceRoot(namespace)] : [];
  }
}

/**
 * The translation roots a store change touches, from both the new and the
 * previous version of the resource (a Workload that moves to another
 * component changes both components).
 */
export function affectedRoots(
  reader: ChoreoStoreReader,
  change: StoreChange,
): string[] {
  const roots = new Set<string>();
  for (const version of [change.resource, change.previous]) {
    if (version) {
      for (const root of rootsOf(reader, version)) {
        if (root) {
          roots.add(root);
        }
      }
    }
  }
  return Array.from(roots);
}

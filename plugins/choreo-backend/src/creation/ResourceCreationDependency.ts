import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AddDependencyRequest,
  ChoreoResource,
  ComponentRef,
  withEndpointDependency,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { checkDependency, findWorkload } from './ResourceCreationChecks';

/**
 * The component's Workload with one more endpoint dependency, checked
 * against the store. `update.unchanged` when it already has exactly that
 * dependency (a retry); a different dependency on the same endpoint is a
 * ConflictError, never replaced.
 */
export function dependencyChange(
  store: ChoreoStoreReader,
  ref: ComponentRef,
  request: AddDependencyRequest,
): {
  manifests: ChoreoResource[];
  warnings: string[];
  update: { unchanged: boolean };
} {
  const label = `${ref.namespace}/${ref.name}`;
  const component = store.get('Component', ref.name, ref.namespace);
  if (!component) {
    throw new NotFoundError(
      `Component '${ref.name}' not found in namespace '${ref.namespace}'`,
    );
  }
  const project = component.spec.owner.projectName;
  checkDependency(
    store,
    ref.namespace,
    { project, component: ref.name },
    request,
  );
  const workload = findWorkload(store, ref.namespace, project, ref.name);
  if (!workload) {
    throw new ConflictError(
      `${label} has no Workload yet (its first build publishes one); add the dependency after that`,
    );
  }
  const change = withEndpointDependency(workload, request);
  if (change.outcome === 'conflict') {
    throw new ConflictError(
      `${label} already depends on that endpoint differently (${change.differences.join(
        '; ',
      )}); it is not overwritten: change the existing dependency in place`,
    );
  }
  // The whole spec as the store has it: under server-side apply, leaving out
  // fields this backend set when it created the Workload would delete them,
  // and a field CI has changed since is a conflict rather than a silent revert.
  const manifest: ChoreoResource = {
    apiVersion: workload.apiVersion,
    kind: workload.kind,
    metadata: {
      name: workload.metadata.name,
      namespace: workload.metadata.namespace,
    },
    spec: change.workload.spec,
  };
  return {
    manifests: [manifest],
    warnings: [],
    update: { unchanged: change.outcome === 'unchanged' },
  };
}

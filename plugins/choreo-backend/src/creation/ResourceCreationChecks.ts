import { InputError, NotFoundError } from '@backstage/errors';
import {
  AddDependencyRequest,
  Project,
  Workload,
  dependencyTarget,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/**
 * Checks of create requests against what the store holds. Every refusal says
 * what is missing and what exists instead, so the caller can fix the request.
 */

export const list = (names: string[]) =>
  names.length ? names.map(n => `'${n}'`).join(', ') : 'none';

/** A request inside a namespace the store does not know is a 404. */
export function requireNamespace(store: ChoreoStoreReader, namespace: string) {
  if (store.get('Namespace', namespace)) return;
  throw new NotFoundError(
    `Namespace '${namespace}' is not a Choreo control-plane namespace of any source; create it (labelled openchoreo.dev/control-plane=true) first`,
  );
}

export function requireProject(
  store: ChoreoStoreReader,
  namespace: string,
  project: string,
  field = 'project',
): Project {
  const found = store.get('Project', project, namespace);
  if (found) return found;
  const known = store.list('Project', { namespace }).map(p => p.metadata.name);
  throw new InputError(
    `${field}: project '${project}' does not exist in namespace '${namespace}'; use one of ${list(
      known,
    )}`,
  );
}

export function requirePipeline(
  store: ChoreoStoreReader,
  namespace: string,
  name: string,
) {
  const found = store.get('DeploymentPipeline', name, namespace);
  if (found) return found;
  const known = store
    .list('DeploymentPipeline', { namespace })
    .map(p => p.metadata.name);
  throw new InputError(
    `deploymentPipeline: '${name}' does not exist in namespace '${namespace}'; use one of ${list(
      known,
    )}`,
  );
}

/** A namespaced kind, or its cluster-scoped twin when the ref says so. */
export function findKinded<T>(
  store: ChoreoStoreReader,
  namespace: string,
  ref: { kind?: string; name: string },
  namespaced: 'ProjectType' | 'ComponentType' | 'Workflow' | 'DataPlane',
  clusterKind:
    | 'ClusterProjectType'
    | 'ClusterComponentType'
    | 'ClusterWorkflow'
    | 'ClusterDataPlane',
  field: string,
): T {
  const kind = ref.kind ?? clusterKind;
  const found =
    kind === namespaced
      ? store.get(namespaced, ref.name, namespace)
      : store.get(clusterKind, ref.name);
  if (found) return found as T;
  const known =
    kind === namespaced
      ? store.list(namespaced, { namespace })
      : store.list(clusterKind);
  throw new InputError(
    `${field}: ${kind} '${ref.name}' does not exist${
      kind === namespaced ? ` in namespace '${namespace}'` : ''
    }; use one of ${list(known.map(k => k.metadata.name))}`,
  );
}

export function requireProjectType(
  store: ChoreoStoreReader,
  namespace: string,
  ref: { kind: string; name: string },
) {
  findKinded(
    store,
    namespace,
    ref,
    'ProjectType',
    'ClusterProjectType',
    'projectType',
  );
}

export function requireDataPlane(
  store: ChoreoStoreReader,
  namespace: string,
  ref: { kind: string; name: string },
) {
  findKinded(
    store,
    namespace,
    ref,
    'DataPlane',
    'ClusterDataPlane',
    'dataPlaneRef',
  );
}

export function requireEnvironments(
  store: ChoreoStoreReader,
  namespace: string,
  names: readonly string[],
) {
  const known = store
    .list('Environment', { namespace })
    .map(e => e.metadata.name);
  const missing = names.filter(n => !known.includes(n));
  if (missing.length === 0) return;
  throw new InputError(
    `promotionPaths: environment${missing.length > 1 ? 's' : ''} ${list(
      missing,
    )} do${
      missing.length > 1 ? '' : 'es'
    } not exist in namespace '${namespace}'; create ${
      missing.length > 1 ? 'them' : 'it'
    } first or use one of ${list(known)}`,
  );
}

/**
 * A dependency of a component in `ownProject` on another component's
 * endpoint: the target and its endpoint exist, the endpoint offers the
 * visibility, and a `project` dependency stays inside the project.
 */
export function checkDependency(
  store: ChoreoStoreReader,
  namespace: string,
  own: { project: string; component: string },
  dependency: AddDependencyRequest,
  field = 'dependency',
): void {
  const targetProject = dependency.project || own.project;
  const target = dependencyTarget(dependency, own.project);
  if (targetProject === own.project && dependency.component === own.component) {
    throw new InputError(
      `${field}: a component cannot depend on itself (${target})`,
    );
  }
  if (dependency.visibility === 'project' && targetProject !== own.project) {
    throw new InputError(
      `${field}.visibility: a 'project' dependency stays inside project '${own.project}'; use visibility 'namespace' to reach ${target}`,
    );
  }
  const component = store.get('Component', dependency.component, namespace);
  if (!component || component.spec.owner?.projectName !== targetProject) {
    const known = store
      .list('Component', { namespace, project: targetProject })
      .map(c => c.metadata.name);
    throw new InputError(
      `${field}.component: '${
        dependency.component
      }' is not a component of project '${targetProject}' in namespace '${namespace}'; use one of ${list(
        known,
      )}`,
    );
  }
  const workload = findWorkload(
    store,
    namespace,
    targetProject,
    dependency.component,
  );
  const endpoints = workload?.spec.endpoints ?? {};
  const endpoint = endpoints[dependency.name];
  if (!endpoint) {
    throw new InputError(
      workload
        ? `${field}.name: ${targetProject}/${
            dependency.component
          } has no endpoint '${dependency.name}'; use one of ${list(
            Object.keys(endpoints),
          )}`
        : `${field}: ${targetProject}/${dependency.component} has no Workload yet, so it offers no endpoints; build or deploy it first`,
    );
  }
  // every endpoint is reachable from its own project
  const offered = ['project', ...(endpoint.visibility ?? [])];
  if (!offered.includes(dependency.visibility)) {
    throw new InputError(
      `${field}.visibility: endpoint '${dependency.name}' of ${targetProject}/${
        dependency.component
      } is not offered with visibility '${
        dependency.visibility
      }'; it offers ${list([...new Set(offered)])}`,
    );
  }
}

/** The Workload of a component: OpenChoreo links it by spec.owner, not by name. */
export function findWorkload(
  store: ChoreoStoreReader,
  namespace: string,
  project: string,
  component: string,
): Workload | undefined {
  const owned = store
    .list('Workload', { namespace, component })
    .filter(w => w.spec.owner?.projectName === project);
  return (
    owned.find(w => w.metadata.name === `${component}-workload`) ?? owned[0]
  );
}

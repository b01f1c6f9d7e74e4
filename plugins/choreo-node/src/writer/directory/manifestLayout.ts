import { InputError } from '@backstage/errors';
import {
  ChoreoResource,
  choreoKindInfo,
  resourceScope,
} from '@choreo-for-backstage/plugin-choreo-common';
import { kubernetesNameProblem } from '@choreo-for-backstage/plugin-choreo-common';

function segment(value: string, what: string): string {
  // Names become folder names: only valid Kubernetes names, which cannot
  // contain '/' or be '..', may do so.
  const problem = kubernetesNameProblem(value, 'subdomain', what);
  if (problem) {
    throw new InputError(problem);
  }
  return value;
}

/**
 * Where a new resource goes in a GitOps directory (posix path relative to
 * the root). Existing resources stay in whatever file they are in; this is
 * only the convention for new ones:
 *
 * ```
 * cluster/<kind>-<name>.yaml                        cluster-scoped kinds (and Namespaces)
 * <namespace>/platform/<kind>-<name>.yaml           namespaced, outside any project
 *                                                   (Environments, pipelines, types, planes)
 * <namespace>/projects/<project>/<kind>-<name>.yaml  project-scoped (Project, ProjectReleaseBinding)
 * <namespace>/projects/<project>/components/<component>/<kind>-<name>.yaml
 *                                                   component-scoped (Component, Workload,
 *                                                   releases, bindings, runs)
 * ```
 *
 * `<kind>` is the kind in lower case, e.g. `releasebinding-api-development.yaml`.
 */
export function conventionalManifestPath(resource: ChoreoResource): string {
  const kind = resource.kind.toLowerCase();
  const file = `${kind}-${segment(resource.metadata.name, 'name')}.yaml`;
  if (!choreoKindInfo(resource.kind)?.namespaced) {
    return `cluster/${file}`;
  }
  const scope = resourceScope(resource);
  const namespace = segment(scope.namespace ?? '', 'namespace');
  if (!scope.project) {
    return `${namespace}/platform/${file}`;
  }
  const project = `${namespace}/projects/${segment(scope.project, 'project')}`;
  if (!scope.component) {
    return `${project}/${file}`;
  }
  return `${project}/components/${segment(
    scope.component,
    'component',
  )}/${file}`;
}

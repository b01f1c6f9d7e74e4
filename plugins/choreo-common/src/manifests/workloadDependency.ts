import { AddDependencyRequest } from '../api/resources';
import { EndpointDependency, Workload } from '../resources';

/** A dependency as the Workload CRD wants it: `envBindings` is required, `project` only when it says something. */
export function endpointDependency(
  request: AddDependencyRequest,
): EndpointDependency {
  const envBindings: EndpointDependency['envBindings'] = {};
  for (const key of ['address', 'host', 'port', 'basePath'] as const) {
    const value = request.envBindings?.[key]?.trim();
    if (value) envBindings[key] = value;
  }
  return {
    ...(request.project ? { project: request.project } : {}),
    component: request.component,
    name: request.name,
    visibility: request.visibility,
    envBindings,
  };
}

/** `project/component/endpoint`: what one dependency points at. */
export function dependencyTarget(
  dependency: Pick<EndpointDependency, 'project' | 'component' | 'name'>,
  ownProject: string,
): string {
  return `${dependency.project || ownProject}/${dependency.component}/${
    dependency.name
  }`;
}

export type DependencyChange =
  | { outcome: 'added'; workload: Workload }
  | { outcome: 'unchanged'; workload: Workload }
  /** The Workload already depends on that endpoint, differently; `differences` say how. */
  | {
      outcome: 'conflict';
      existing: EndpointDependency;
      differences: string[];
    };

/**
 * The Workload with one more endpoint dependency. A second dependency on the
 * same endpoint is not added: the same one again is `unchanged` (a retry), a
 * different one is a `conflict`, because silently replacing how a component
 * reaches its dependency would rewire running code.
 */
export function withEndpointDependency(
  workload: Workload,
  request: AddDependencyRequest,
): DependencyChange {
  const own = workload.spec.owner.projectName;
  const dependency = endpointDependency(request);
  const target = dependencyTarget(dependency, own);
  const current = workload.spec.dependencies?.endpoints ?? [];
  const existing = current.find(d => dependencyTarget(d, own) === target);
  if (existing) {
    const differences: string[] = [];
    if (existing.visibility !== dependency.visibility) {
      differences.push(
        `visibility is '${existing.visibility}', not '${dependency.visibility}'`,
      );
    }
    for (const key of ['address', 'host', 'port', 'basePath'] as const) {
      const had = existing.envBindings?.[key];
      const want = dependency.envBindings[key];
      if ((had ?? '') !== (want ?? '')) {
        differences.push(
          `envBindings.${key} is ${had ? `'${had}'` : 'not set'}, not ${
            want ? `'${want}'` : 'unset'
          }`,
        );
      }
    }
    return differences.length === 0
      ? { outcome: 'unchanged', workload }
      : { outcome: 'conflict', existing, differences };
  }
  return {
    outcome: 'added',
    workload: {
      ...workload,
      spec: {
        ...workload.spec,
        dependencies: {
          ...workload.spec.dependencies,
          endpoints: [...current, dependency],
        },
      },
    },
  };
}

import {
  EndpointDependency,
  WorkloadEndpoint,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/** What a component's Workloads declare: endpoints and their dependencies. */
export interface ComponentRuntime {
  endpoints: Array<{ name: string; endpoint: WorkloadEndpoint }>;
  dependencies: EndpointDependency[];
  /** Names of the managed Resources (same project) whose outputs it consumes. */
  resources: string[];
}

/**
 * Endpoints and dependencies of a component. CI normally writes one Workload
 * per component (`{component}-workload`), but nothing forbids more; they are
 * merged in name order and the first definition of an endpoint wins.
 */
export function componentRuntime(
  reader: ChoreoStoreReader,
  namespace: string,
  project: string,
  component: string,
): ComponentRuntime {
  const workloads = reader
    .list('Workload', { namespace, component })
    .filter(w => w.spec?.owner?.projectName === project)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const endpoints = new Map<string, WorkloadEndpoint>();
  const dependencies: EndpointDependency[] = [];
  const resources = new Set<string>();
  for (const workload of workloads) {
    for (const [name, endpoint] of Object.entries(
      workload.spec.endpoints ?? {},
    )) {
      if (!endpoints.has(name) && endpoint) {
        endpoints.set(name, endpoint);
      }
    }
    for (const dependency of workload.spec.dependencies?.endpoints ?? []) {
      if (dependency?.component && dependency.name) {
        dependencies.push(dependency);
      }
    }
    for (const dependency of workload.spec.dependencies?.resources ?? []) {
      if (dependency?.ref) {
        resources.add(dependency.ref);
      }
    }
  }
  return {
    endpoints: Array.from(endpoints, ([name, endpoint]) => ({
      name,
      endpoint,
    })).sort((a, b) => a.name.localeCompare(b.name)),
    dependencies,
    resources: Array.from(resources).sort(),
  };
}

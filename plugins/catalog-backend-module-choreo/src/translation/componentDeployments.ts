import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/**
 * Environments a component is deployed to: those with a ReleaseBinding that
 * is not set to `Undeploy`. Sorted, so the entity is stable.
 */
export function deployedEnvironments(
  reader: ChoreoStoreReader,
  namespace: string,
  project: string,
  component: string,
): string[] {
  const environments = new Set<string>();
  for (const binding of reader.list('ReleaseBinding', {
    namespace,
    component,
  })) {
    if (
      binding.spec?.owner?.projectName === project &&
      binding.spec.environment &&
      binding.spec.state !== 'Undeploy'
    ) {
      environments.add(binding.spec.environment);
    }
  }
  return Array.from(environments).sort();
}

/**
 * Backstage lifecycle: `production` once the component runs in an
 * environment marked `isProduction`, `development` before that.
 */
export function lifecycleOf(
  reader: ChoreoStoreReader,
  namespace: string,
  environments: string[],
): 'production' | 'development' {
  const inProduction = environments.some(
    name => reader.get('Environment', name, namespace)?.spec?.isProduction,
  );
  return inProduction ? 'production' : 'development';
}

/** Where a component runs and the lifecycle that follows from it. */
export function componentDeployments(
  reader: ChoreoStoreReader,
  namespace: string,
  project: string,
  component: string,
): { environments: string[]; lifecycle: string } {
  const environments = deployedEnvironments(
    reader,
    namespace,
    project,
    component,
  );
  return {
    environments,
    lifecycle: lifecycleOf(reader, namespace, environments),
  };
}

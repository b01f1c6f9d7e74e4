import { CreatePipelineRequest } from '../api/resources';
import { CHOREO_API_VERSION } from '../constants';
import { DeploymentPipeline } from '../resources';
import { manifestMetadata } from './manifestMetadata';

/**
 * The DeploymentPipeline of a create request. Paths with the same source are
 * merged, as OpenChoreo reads one path per source environment.
 */
export function pipelineManifest(
  namespace: string,
  request: CreatePipelineRequest,
): DeploymentPipeline {
  const targets = new Map<string, string[]>();
  for (const path of request.promotionPaths) {
    const list = targets.get(path.sourceEnvironment) ?? [];
    for (const target of path.targets) {
      if (!list.includes(target)) list.push(target);
    }
    targets.set(path.sourceEnvironment, list);
  }
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'DeploymentPipeline',
    metadata: manifestMetadata(namespace, request.name, request),
    spec: {
      promotionPaths: [...targets].map(([source, list]) => ({
        sourceEnvironmentRef: { name: source },
        targetEnvironmentRefs: list.map(name => ({ name })),
      })),
    },
  };
}

/** Every environment a pipeline request names, in the order it names them, without repeats. */
export function pipelineEnvironments(request: CreatePipelineRequest): string[] {
  const names = new Set<string>();
  for (const path of request.promotionPaths) {
    names.add(path.sourceEnvironment);
    path.targets.forEach(t => names.add(t));
  }
  return [...names];
}

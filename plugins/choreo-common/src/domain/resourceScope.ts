import { CHOREO_LABELS } from '../constants';
import { ChoreoResource } from '../resources';

/** Where a resource sits in the Choreo hierarchy; the store indexes by these. */
export interface ResourceScope {
  namespace?: string;
  project?: string;
  component?: string;
  environment?: string;
}

function ownerOf(resource: ChoreoResource) {
  const spec = resource.spec as
    | { owner?: { projectName?: string; componentName?: string } }
    | undefined;
  return spec?.owner;
}

/**
 * The namespace, project, component and environment a resource belongs to,
 * read from the fields OpenChoreo itself uses (`spec.owner`, `spec.environment`,
 * the project/component labels of WorkflowRuns).
 */
export function resourceScope(resource: ChoreoResource): ResourceScope {
  const scope: ResourceScope = { namespace: resource.metadata.namespace };
  const owner = ownerOf(resource);
  switch (resource.kind) {
    case 'Namespace':
      // a control-plane namespace is the organization itself
      scope.namespace = resource.metadata.name;
      break;
    case 'Project':
      scope.project = resource.metadata.name;
      break;
    case 'Component':
      scope.project = owner?.projectName;
      scope.component = resource.metadata.name;
      break;
    case 'Environment':
      scope.environment = resource.metadata.name;
      break;
    case 'WorkflowRun':
      scope.project = resource.metadata.labels?.[CHOREO_LABELS.project];
      scope.component = resource.metadata.labels?.[CHOREO_LABELS.component];
      break;
    case 'RenderedRelease':
      scope.project = owner?.projectName;
      scope.component = owner?.componentName;
      scope.environment = resource.spec?.environmentName;
      break;
    case 'ReleaseBinding':
    case 'ProjectReleaseBinding':
    case 'ResourceReleaseBinding':
      scope.project = owner?.projectName;
      scope.component = owner?.componentName;
      scope.environment = resource.spec?.environment;
      break;
    default:
      scope.project = owner?.projectName;
      scope.component = owner?.componentName;
  }
  return scope;
}

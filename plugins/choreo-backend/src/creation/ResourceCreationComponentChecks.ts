import { InputError } from '@backstage/errors';
import {
  ClusterComponentType,
  ClusterWorkflow,
  ComponentType,
  CreateComponentRequest,
  JsonObject,
  Workflow,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import {
  readParameter,
  repositoryParameterPath,
  withParameter,
} from '../builds/repositoryParameters';
import { findKinded, list } from './ResourceCreationChecks';

const COMPONENT_TYPE_NAME =
  /^(deployment|statefulset|cronjob|job|proxy)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/;

/**
 * The component type, checked as the Component controller would: the
 * `{workloadType}/{name}` form, the type exists, its workloadType matches,
 * and a source component's workflow is one the type allows. Answers the
 * workflow parameters with the repository where the Workflow schema keeps it.
 */
export function checkComponentRequest(
  store: ChoreoStoreReader,
  namespace: string,
  request: CreateComponentRequest,
): { workflowParameters?: JsonObject } {
  const match = COMPONENT_TYPE_NAME.exec(request.componentType.name);
  if (!match) {
    throw new InputError(
      `componentType.name: '${request.componentType.name}' must be '{workloadType}/{componentType}' with workloadType one of deployment, statefulset, cronjob, job, proxy, e.g. 'deployment/service'`,
    );
  }
  const [, workloadType, typeName] = match;
  const type = findKinded<ComponentType | ClusterComponentType>(
    store,
    namespace,
    { kind: request.componentType.kind, name: typeName },
    'ComponentType',
    'ClusterComponentType',
    'componentType',
  );
  if (type.spec.workloadType !== workloadType) {
    throw new InputError(
      `componentType.name: ${type.kind} '${typeName}' has workloadType '${type.spec.workloadType}'; use '${type.spec.workloadType}/${typeName}'`,
    );
  }
  const { source } = request;
  if ('image' in source) return {};

  if (request.endpoints?.length || request.dependencies?.length) {
    throw new InputError(
      'endpoints, dependencies: a component built from source gets its endpoints and dependencies from the workload.yaml of its repository, which its first build publishes as the Workload; remove them here, or create the component from an image',
    );
  }
  const kind = source.workflow.kind ?? 'ClusterWorkflow';
  const workflow = findKinded<Workflow | ClusterWorkflow>(
    store,
    namespace,
    { kind, name: source.workflow.name },
    'Workflow',
    'ClusterWorkflow',
    'source.workflow',
  );
  const allowed = type.spec.allowedWorkflows ?? [];
  if (
    !allowed.some(
      w =>
        (w.kind ?? 'ClusterWorkflow') === kind &&
        w.name === source.workflow.name,
    )
  ) {
    throw new InputError(
      `source.workflow: ${type.kind} '${typeName}' does not allow ${kind} '${
        source.workflow.name
      }'; it allows ${
        allowed.length
          ? list(allowed.map(w => w.name))
          : 'no builds, so create the component from an image'
      }`,
    );
  }
  const schema = workflow.spec.parameters?.openAPIV3Schema;
  const { url, branch, appPath } = source.repository;
  let parameters = source.workflow.parameters ?? {};
  const fields = [
    ['url', url],
    ['branch', branch],
    ['app-path', appPath],
  ] as const;
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    const path = repositoryParameterPath(schema, field);
    if (readParameter(parameters, path) === undefined) {
      parameters = withParameter(parameters, path, value);
    }
  }
  return { workflowParameters: parameters };
}

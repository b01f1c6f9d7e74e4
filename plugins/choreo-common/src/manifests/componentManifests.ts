import {
  ComponentEndpointRequest,
  CreateComponentRequest,
} from '../api/resources';
import { CHOREO_API_VERSION } from '../constants';
import {
  Component,
  ComponentWorkflowRef,
  JsonObject,
  Workload,
  WorkloadEndpoint,
} from '../resources';
import { manifestMetadata } from './manifestMetadata';
import { endpointDependency } from './workloadDependency';

/** `{component}-workload`, the name OpenChoreo's CI gives a component's Workload. */
export const workloadName = (component: string) => `${component}-workload`;

export interface ComponentManifests {
  component: Component;
  /** Image components only: from source, the first build publishes it. */
  workload?: Workload;
}

/**
 * The Component (and, from an image, its Workload) of a create request.
 * `workflowParameters` replaces the request's workflow parameters for source
 * components: the caller puts the repository where the Workflow schema says.
 */
export function componentManifests(
  namespace: string,
  request: CreateComponentRequest,
  options: { workflowParameters?: JsonObject } = {},
): ComponentManifests {
  const { source } = request;
  let workflow: ComponentWorkflowRef | undefined;
  if ('workflow' in source) {
    const parameters = options.workflowParameters ?? source.workflow.parameters;
    workflow = {
      kind: source.workflow.kind ?? 'ClusterWorkflow',
      name: source.workflow.name,
      ...(parameters ? { parameters } : {}),
    };
  }
  const component: Component = {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Component',
    metadata: manifestMetadata(namespace, request.name, request),
    spec: {
      owner: { projectName: request.project },
      componentType: {
        kind: request.componentType.kind,
        name: request.componentType.name,
      },
      ...(request.autoDeploy !== undefined
        ? { autoDeploy: request.autoDeploy }
        : {}),
      ...(request.parameters ? { parameters: request.parameters } : {}),
      ...(workflow ? { workflow } : {}),
    },
  };
  if (!('image' in source)) {
    return { component };
  }
  const endpoints = request.endpoints ?? [];
  const dependencies = (request.dependencies ?? []).map(endpointDependency);
  const workload: Workload = {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Workload',
    metadata: manifestMetadata(namespace, workloadName(request.name)),
    spec: {
      owner: { projectName: request.project, componentName: request.name },
      container: { image: source.image },
      ...(endpoints.length > 0
        ? {
            endpoints: Object.fromEntries(
              endpoints.map(e => [e.name, workloadEndpoint(e)]),
            ),
          }
        : {}),
      ...(dependencies.length > 0
        ? { dependencies: { endpoints: dependencies } }
        : {}),
    },
  };
  return { component, workload };
}

function workloadEndpoint(request: ComponentEndpointRequest): WorkloadEndpoint {
  const visibility = [...new Set(request.visibility ?? [])];
  return {
    type: request.type,
    port: request.port,
    ...(request.targetPort ? { targetPort: request.targetPort } : {}),
    ...(visibility.length > 0 ? { visibility } : {}),
    ...(request.displayName ? { displayName: request.displayName } : {}),
    ...(request.basePath ? { basePath: request.basePath } : {}),
    ...(request.schema ? { schema: request.schema } : {}),
  };
}

/** The API group and version of every OpenChoreo resource (OpenChoreo v1.2). */
export const CHOREO_API_GROUP = 'openchoreo.dev';
export const CHOREO_API_VERSION = 'openchoreo.dev/v1alpha1';

/** Labels OpenChoreo puts on the objects it renders and on its own resources. */
export const CHOREO_LABELS = {
  controlPlane: 'openchoreo.dev/control-plane',
  namespace: 'openchoreo.dev/namespace',
  project: 'openchoreo.dev/project',
  component: 'openchoreo.dev/component',
  environment: 'openchoreo.dev/environment',
  projectUid: 'openchoreo.dev/project-uid',
  componentUid: 'openchoreo.dev/component-uid',
  environmentUid: 'openchoreo.dev/environment-uid',
  managedBy: 'openchoreo.dev/managed-by',
  systemComponent: 'openchoreo.dev/system-component',
  workflowRun: 'openchoreo.dev/workflowrun',
  workflowRunNamespace: 'openchoreo.dev/workflowrun-namespace',
  workflowType: 'openchoreo.dev/workflow-type',
  endpointName: 'openchoreo.dev/endpoint-name',
  endpointVisibility: 'openchoreo.dev/endpoint-visibility',
} as const;

/** Annotations OpenChoreo reads or writes. */
export const CHOREO_ANNOTATIONS = {
  displayName: 'openchoreo.dev/display-name',
  description: 'openchoreo.dev/description',
  restartedAt: 'openchoreo.dev/restartedAt',
  endpointBasePath: 'openchoreo.dev/endpoint-base-path',
  networkPolicyProvider: 'openchoreo.dev/networkpolicyprovider',
  workload: 'openchoreo.dev/workload',
  workloadFromSource: 'openchoreo.dev/workload-from-source',
  /** Ours, not OpenChoreo's: the Backstage owner of a resource (a group or user entity ref). */
  owner: 'backstage.io/owner',
} as const;

/** Argo Workflows labels and annotations on build pods. */
export const ARGO_LABELS = {
  workflow: 'workflows.argoproj.io/workflow',
  nodeName: 'workflows.argoproj.io/node-name',
} as const;

import { RESOURCE_BINDING_REASONS } from './resourceBindingReasons';

/** What a developer should take away from a resource's status. */
export type StatusState =
  | 'ready'
  | 'progressing'
  | 'failed'
  | 'undeployed'
  | 'unknown';

/** Names the words may mention; any of them may be missing. */
export interface ReasonContext {
  releaseName?: string;
  environment?: string;
  component?: string;
  componentType?: string;
  project?: string;
  /** A managed Resource's name (ResourceReleaseBinding). */
  resource?: string;
}

export interface ReasonWords {
  state: StatusState;
  words: string | ((ctx: ReasonContext) => string);
  /** Append the condition's message: it names what exactly went wrong. */
  withMessage?: boolean;
}

/** `Environment 'dev'`, or `The environment` when the name is unknown; lower-case mid-sentence. */
function named(noun: string, name: string | undefined, midSentence = false) {
  const lower = noun.toLowerCase();
  if (name) return `${midSentence ? lower : noun} '${name}'`;
  return midSentence ? `the ${lower}` : `The ${lower}`;
}

/**
 * Condition reason -> plain words, for every reason OpenChoreo v1.2 writes on
 * ReleaseBinding, ProjectReleaseBinding, Component and WorkflowRun, plus the
 * ResourceReleaseBinding entries of RESOURCE_BINDING_REASONS.
 * `Kind/Reason` keys override the shared entry for one kind. WorkflowRun
 * words complete a sentence that starts with "Build" or "Workflow run".
 */
export const STATUS_REASONS: Readonly<Record<string, ReasonWords>> = {
  // ReleaseBinding and ProjectReleaseBinding
  Ready: { state: 'ready', words: 'Deployed and ready' },
  ResourcesReady: { state: 'ready', words: 'Deployed and ready' },
  ReadyWithSuspendedResources: {
    state: 'ready',
    words: 'Deployed; the workload is scaled to zero',
  },
  ReleaseCreated: {
    state: 'progressing',
    words: c => `Deploying ${named('Release', c.releaseName, true)}`,
  },
  ReleaseSynced: {
    state: 'progressing',
    words: 'Preparing the deployment',
  },
  ComponentReleaseNotFound: {
    state: 'failed',
    words: c => `${named('Release', c.releaseName)} does not exist`,
  },
  EnvironmentNotFound: {
    state: 'failed',
    words: c => `${named('Environment', c.environment)} does not exist`,
  },
  DataPlaneNotFound: {
    state: 'failed',
    words: c =>
      `The data plane of ${named(
        'Environment',
        c.environment,
        true,
      )} does not exist`,
    withMessage: true,
  },
  DataPlaneNotConfigured: {
    state: 'failed',
    words: c =>
      `${named('Environment', c.environment)} has no data plane configured`,
  },
  ComponentNotFound: {
    state: 'failed',
    words: c => `${named('Component', c.component)} does not exist`,
  },
  ProjectNotFound: {
    state: 'failed',
    words: c => `${named('Project', c.project)} does not exist`,
  },
  InvalidReleaseConfiguration: {
    state: 'failed',
    words: 'The release configuration is invalid',
    withMessage: true,
  },
  RenderingFailed: {
    state: 'failed',
    words: 'Rendering the Kubernetes manifests failed',
    withMessage: true,
  },
  ReleaseOwnershipConflict: {
    state: 'failed',
    words: 'Another resource already owns the rendered release',
    withMessage: true,
  },
  ReleaseUpdateFailed: {
    state: 'failed',
    words: 'Updating the rendered release failed',
    withMessage: true,
  },
  ReleaseDeletionFailed: {
    state: 'failed',
    words: 'Removing the deployment failed',
    withMessage: true,
  },
  ResourcesUndeployed: { state: 'undeployed', words: 'Undeployed' },
  ResourceApplyFailed: {
    state: 'failed',
    words: 'Applying resources to the data plane failed',
    withMessage: true,
  },
  ResourcesProgressing: {
    state: 'progressing',
    words: 'Waiting for pods to become ready',
  },
  ResourcesNotReady: {
    state: 'progressing',
    words: 'Waiting for resources to become ready',
    withMessage: true,
  },
  ResourcesDegraded: {
    state: 'failed',
    words: 'The deployment is unhealthy',
    withMessage: true,
  },
  ResourcesUnknown: {
    state: 'unknown',
    words: 'The health of the deployment is not known yet',
    withMessage: true,
  },
  JobCompleted: { state: 'ready', words: 'Job completed' },
  JobRunning: { state: 'progressing', words: 'Job is running' },
  JobFailed: { state: 'failed', words: 'Job failed', withMessage: true },
  CronJobScheduled: { state: 'ready', words: 'Scheduled' },
  CronJobSuspended: { state: 'ready', words: 'Schedule is suspended' },
  ConnectionsPending: {
    state: 'progressing',
    words: 'Waiting for dependencies to be deployed',
  },
  ResourceDependenciesPending: {
    state: 'progressing',
    words: 'Waiting for resource dependencies to be ready',
  },
  Finalizing: { state: 'progressing', words: 'Being deleted' },

  // ProjectReleaseBinding only
  ProjectReleaseNotSet: {
    state: 'progressing',
    words: 'Waiting for a project release to be pinned',
  },
  ProjectReleaseNotFound: {
    state: 'failed',
    words: c => `${named('Project release', c.releaseName)} does not exist`,
  },
  NamespaceMissing: {
    state: 'failed',
    words: 'The project type does not create the cell namespace',
    withMessage: true,
  },
  NamespaceReady: { state: 'ready', words: 'The project namespace is ready' },
  NamespaceProgressing: {
    state: 'progressing',
    words: 'Creating the project namespace',
  },
  NamespaceDegraded: {
    state: 'failed',
    words: 'The project namespace is unhealthy',
  },
  SyncedNotReady: {
    state: 'progressing',
    words: 'Waiting for the project release to be applied',
  },
  'ProjectReleaseBinding/ResourcesProgressing': {
    state: 'progressing',
    words: 'Waiting for project resources to become ready',
    withMessage: true,
  },
  'ProjectReleaseBinding/ResourcesDegraded': {
    state: 'failed',
    words: 'A project resource is unhealthy',
    withMessage: true,
  },
  'ProjectReleaseBinding/Ready': { state: 'ready', words: 'Ready' },

  // Component
  Reconciled: { state: 'ready', words: 'Ready' },
  ComponentReleaseReady: {
    state: 'ready',
    words: c =>
      c.releaseName ? `Ready; latest release is '${c.releaseName}'` : 'Ready',
  },
  WorkloadNotFound: {
    state: 'undeployed',
    words: 'No workload yet: build the component or create a workload',
  },
  ComponentTypeNotFound: {
    state: 'failed',
    words: c => `${named('Component type', c.componentType)} does not exist`,
  },
  TraitNotFound: {
    state: 'failed',
    words: 'A trait this component uses does not exist',
    withMessage: true,
  },
  DeploymentPipelineNotFound: {
    state: 'failed',
    words: "The project's deployment pipeline does not exist",
    withMessage: true,
  },
  InvalidConfiguration: {
    state: 'failed',
    words: 'The component configuration is invalid',
    withMessage: true,
  },
  WorkflowNotAllowed: {
    state: 'failed',
    words: 'The build workflow is not allowed for this component type',
    withMessage: true,
  },
  WorkflowNotFound: {
    state: 'failed',
    words: 'The build workflow does not exist',
    withMessage: true,
  },
  AutoDeployFailed: {
    state: 'failed',
    words: 'Automatic deployment failed',
    withMessage: true,
  },

  // WorkflowRun (predicates: "Build …")
  'WorkflowRun/WorkflowPending': {
    state: 'progressing',
    words: 'is waiting to start',
  },
  'WorkflowRun/WorkflowRunning': { state: 'progressing', words: 'is running' },
  'WorkflowRun/WorkflowSucceeded': { state: 'ready', words: 'succeeded' },
  'WorkflowRun/WorkflowFailed': {
    state: 'failed',
    words: 'failed',
    withMessage: true,
  },
  'WorkflowRun/WorkflowPlaneNotFound': {
    state: 'failed',
    words: 'cannot start: no workflow plane is available to run it',
  },
  'WorkflowRun/WorkflowPlaneResolutionFailed': {
    state: 'failed',
    words: 'cannot start: the workflow plane could not be resolved',
    withMessage: true,
  },
  'WorkflowRun/WorkflowResolutionFailed': {
    state: 'failed',
    words: 'cannot start: the workflow definition could not be loaded',
    withMessage: true,
  },
  'WorkflowRun/ComponentValidationFailed': {
    state: 'failed',
    words: "was rejected: it does not match the component's build settings",
    withMessage: true,
  },
  ...RESOURCE_BINDING_REASONS,
};

/** The words for `reason` on `kind`, or undefined when OpenChoreo v1.2 never writes it. */
export function reasonWords(
  kind: string,
  reason: string | undefined,
): ReasonWords | undefined {
  if (!reason) return undefined;
  return STATUS_REASONS[`${kind}/${reason}`] ?? STATUS_REASONS[reason];
}

/** Render an entry, adding the condition message when it adds something. */
export function renderReasonWords(
  entry: ReasonWords,
  ctx: ReasonContext,
  message?: string,
): string {
  const words =
    typeof entry.words === 'function' ? entry.words(ctx) : entry.words;
  const detail = message?.trim();
  return entry.withMessage && detail && detail !== words
    ? `${words}: ${detail}`
    : words;
}

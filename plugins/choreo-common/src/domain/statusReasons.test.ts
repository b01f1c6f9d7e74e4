import {
  reasonWords,
  renderReasonWords,
  STATUS_REASONS,
} from './statusReasons';

describe('STATUS_REASONS', () => {
  it('has words for every ReleaseBinding, Component and WorkflowRun reason OpenChoreo v1.2 writes', () => {
    const reasons = [
      // ReleaseBinding
      'ReleaseCreated',
      'ReleaseSynced',
      'ComponentReleaseNotFound',
      'EnvironmentNotFound',
      'DataPlaneNotFound',
      'DataPlaneNotConfigured',
      'ComponentNotFound',
      'ProjectNotFound',
      'InvalidReleaseConfiguration',
      'RenderingFailed',
      'ReleaseOwnershipConflict',
      'ReleaseUpdateFailed',
      'ReleaseDeletionFailed',
      'ResourcesUndeployed',
      'ResourcesReady',
      'ResourcesProgressing',
      'ResourcesDegraded',
      'ResourcesNotReady',
      'ResourcesUnknown',
      'ResourceApplyFailed',
      'JobCompleted',
      'JobRunning',
      'JobFailed',
      'CronJobScheduled',
      'CronJobSuspended',
      'ConnectionsPending',
      'ResourceDependenciesPending',
      'Ready',
      'ReadyWithSuspendedResources',
      // ProjectReleaseBinding
      'ProjectReleaseNotSet',
      'ProjectReleaseNotFound',
      'NamespaceMissing',
      'NamespaceProgressing',
      'NamespaceDegraded',
      'SyncedNotReady',
      // Component
      'Reconciled',
      'ComponentReleaseReady',
      'WorkloadNotFound',
      'ComponentTypeNotFound',
      'TraitNotFound',
      'DeploymentPipelineNotFound',
      'InvalidConfiguration',
      'WorkflowNotAllowed',
      'WorkflowNotFound',
      'AutoDeployFailed',
      // WorkflowRun
      'WorkflowRun/WorkflowPending',
      'WorkflowRun/WorkflowRunning',
      'WorkflowRun/WorkflowSucceeded',
      'WorkflowRun/WorkflowFailed',
      'WorkflowRun/WorkflowPlaneNotFound',
      'WorkflowRun/WorkflowPlaneResolutionFailed',
      'WorkflowRun/WorkflowResolutionFailed',
      'WorkflowRun/ComponentValidationFailed',
    ];
    expect(reasons.filter(r => !STATUS_REASONS[r])).toEqual([]);
  });
});

describe('reasonWords', () => {
  it('prefers a kind-specific entry over the shared one', () => {
    expect(
      reasonWords('ProjectReleaseBinding', 'ResourcesProgressing')?.words,
    ).toBe('Waiting for project resources to become ready');
    expect(reasonWords('ReleaseBinding', 'ResourcesProgressing')?.words).toBe(
      'Waiting for pods to become ready',
    );
    expect(reasonWords('ReleaseBinding', 'NoSuchReason')).toBeUndefined();
    expect(reasonWords('ReleaseBinding', undefined)).toBeUndefined();
  });
});

describe('renderReasonWords', () => {
  it('fills in names, and says "the …" when a name is unknown', () => {
    const entry = STATUS_REASONS.EnvironmentNotFound;
    expect(renderReasonWords(entry, { environment: 'qa' })).toBe(
      "Environment 'qa' does not exist",
    );
    expect(renderReasonWords(entry, {})).toBe('The environment does not exist');
  });

  it('appends the condition message only where it adds detail', () => {
    expect(
      renderReasonWords(
        STATUS_REASONS.JobFailed,
        {},
        'Job migrate failed: BackoffLimitExceeded',
      ),
    ).toBe('Job failed: Job migrate failed: BackoffLimitExceeded');
    expect(renderReasonWords(STATUS_REASONS.JobFailed, {}, '  ')).toBe(
      'Job failed',
    );
    // The words already say everything a developer needs here.
    expect(
      renderReasonWords(
        STATUS_REASONS.WorkloadNotFound,
        {},
        'Workload for component "x" not found',
      ),
    ).toBe('No workload yet: build the component or create a workload');
  });
});

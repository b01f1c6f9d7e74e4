import { Condition, WorkflowRun } from '../resources';
import { summarizeWorkflowRun } from './workflowRunStatus';

const T0 = '2026-08-20T10:00:00Z';

function cond(
  type: string,
  status: Condition['status'],
  reason: string,
  message = '',
  observedGeneration = 1,
): Condition {
  return {
    type,
    status,
    reason,
    message,
    observedGeneration,
    lastTransitionTime: T0,
  };
}

function run(
  conditions: Condition[] | undefined,
  tasks?: NonNullable<WorkflowRun['status']>['tasks'],
  build = true,
): WorkflowRun {
  return {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'WorkflowRun',
    metadata: {
      name: 'snip-api-service-build-01',
      namespace: 'default',
      labels: build
        ? {
            'openchoreo.dev/project': 'url-shortener',
            'openchoreo.dev/component': 'snip-api-service',
          }
        : {},
    },
    spec: { workflow: { kind: 'ClusterWorkflow', name: 'dockerfile-builder' } },
    status: {
      conditions,
      tasks,
      startedAt: '2026-08-20T09:58:00Z',
      completedAt: conditions?.some(
        c => c.type === 'WorkflowCompleted' && c.status === 'True',
      )
        ? T0
        : undefined,
    },
  };
}

describe('summarizeWorkflowRun', () => {
  it('names the failed step and its message', () => {
    const summary = summarizeWorkflowRun(
      run(
        [
          cond(
            'WorkflowRunning',
            'False',
            'WorkflowRunning',
            'Argo Workflow running has completed',
          ),
          cond(
            'WorkflowFailed',
            'True',
            'WorkflowFailed',
            'Workflow execution failed',
          ),
          cond(
            'WorkflowCompleted',
            'True',
            'WorkflowFailed',
            'Workflow has completed with failure',
          ),
        ],
        [
          { name: 'checkout-source', phase: 'Succeeded' },
          {
            name: 'build-image',
            phase: 'Failed',
            message: 'Error (exit code 1)',
          },
          { name: 'publish-image', phase: 'Skipped' },
        ],
      ),
    );
    expect(summary).toEqual({
      state: 'failed',
      reason: 'WorkflowFailed',
      message: "Build failed in step 'build-image': Error (exit code 1)",
      since: T0,
    });
  });

  it('treats an Error phase as the failed step and works without a task message', () => {
    const summary = summarizeWorkflowRun(
      run(
        [
          cond(
            'WorkflowFailed',
            'True',
            'WorkflowFailed',
            'Workflow execution failed',
          ),
        ],
        [
          { name: 'checkout-source', phase: 'Error' },
          { name: 'build-image', phase: 'Failed' },
        ],
        false,
      ),
    );
    expect(summary.message).toBe(
      "Workflow run failed in step 'checkout-source'",
    );
  });

  it('falls back to the condition message when no step is marked failed', () => {
    const summary = summarizeWorkflowRun(
      run([
        cond(
          'WorkflowFailed',
          'True',
          'WorkflowFailed',
          'Workflow is not found in the cluster',
        ),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      message: 'Build failed: Workflow is not found in the cluster',
    });
  });

  it('explains a run rejected before it started', () => {
    const msg =
      'component "snip-api-service" does not use workflow "go-builder"';
    const summary = summarizeWorkflowRun(
      run([
        cond('WorkflowFailed', 'True', 'ComponentValidationFailed', msg),
        cond('WorkflowCompleted', 'True', 'ComponentValidationFailed', msg),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      reason: 'ComponentValidationFailed',
      message: `Build was rejected: it does not match the component's build settings: ${msg}`,
    });
  });

  it('names the running step', () => {
    const summary = summarizeWorkflowRun(
      run(
        [
          cond('WorkflowCompleted', 'False', 'WorkflowPending'),
          cond(
            'WorkflowRunning',
            'True',
            'WorkflowRunning',
            'Argo Workflow is running',
          ),
        ],
        [
          { name: 'checkout-source', phase: 'Succeeded' },
          { name: 'build-image', phase: 'Running' },
        ],
      ),
    );
    expect(summary).toEqual({
      state: 'progressing',
      reason: 'WorkflowRunning',
      message: "Build is running step 'build-image'",
      since: '2026-08-20T09:58:00Z',
    });
  });

  it('says succeeded when done', () => {
    const summary = summarizeWorkflowRun(
      run([
        cond('WorkflowSucceeded', 'True', 'WorkflowSucceeded'),
        cond('WorkflowCompleted', 'True', 'WorkflowSucceeded'),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'ready',
      reason: 'WorkflowSucceeded',
      message: 'Build succeeded',
    });
  });

  it('is waiting to start while pending or before any condition', () => {
    expect(
      summarizeWorkflowRun(
        run([cond('WorkflowCompleted', 'False', 'WorkflowPending')]),
      ),
    ).toMatchObject({
      state: 'progressing',
      message: 'Build is waiting to start',
    });
    expect(summarizeWorkflowRun(run(undefined, undefined, false)).message).toBe(
      'Workflow run is waiting to start',
    );
  });

  it('fails when there is no workflow plane to run on', () => {
    const summary = summarizeWorkflowRun(
      run([
        cond(
          'WorkflowCompleted',
          'False',
          'WorkflowPlaneNotFound',
          'No workflow plane found',
        ),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      message: 'Build cannot start: no workflow plane is available to run it',
    });
  });
});

import {
  Component,
  Condition,
  ProjectReleaseBinding,
  ReleaseBinding,
} from '../resources';
import {
  summarizeComponent,
  summarizeProjectReleaseBinding,
  summarizeReleaseBinding,
  summarizeStatus,
} from './statusSummary';

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

function binding(
  conditions: Condition[] | undefined,
  extra: {
    spec?: Partial<ReleaseBinding['spec']>;
    status?: ReleaseBinding['status'];
    generation?: number;
  } = {},
): ReleaseBinding {
  return {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ReleaseBinding',
    metadata: {
      name: 'snip-api-service-development',
      namespace: 'default',
      generation: extra.generation ?? 1,
    },
    spec: {
      owner: {
        projectName: 'url-shortener',
        componentName: 'snip-api-service',
      },
      environment: 'development',
      releaseName: 'snip-api-service-5d8f9c',
      ...extra.spec,
    },
    status: { observedGeneration: 1, conditions, ...extra.status },
  };
}

describe('summarizeReleaseBinding', () => {
  it('is ready when Ready is True', () => {
    const summary = summarizeReleaseBinding(
      binding([
        cond('ReleaseSynced', 'True', 'ReleaseSynced'),
        cond(
          'ResourcesReady',
          'True',
          'Ready',
          'Primary workload Deployment and all supporting resources are ready',
        ),
        cond('Ready', 'True', 'Ready', 'ReleaseBinding is ready'),
      ]),
    );
    expect(summary).toEqual({
      state: 'ready',
      reason: 'Ready',
      message: 'Deployed and ready',
      since: T0,
    });
  });

  it('uses the workload-specific words for scheduled tasks', () => {
    const summary = summarizeReleaseBinding(
      binding([
        cond('ReleaseSynced', 'True', 'ReleaseSynced'),
        cond(
          'ResourcesReady',
          'True',
          'CronJobScheduled',
          'CronJob x is scheduled and ready',
        ),
        cond('Ready', 'True', 'Ready'),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'ready',
      reason: 'CronJobScheduled',
      message: 'Scheduled',
    });
  });

  it('says a missing release does not exist, naming it', () => {
    const summary = summarizeReleaseBinding(
      binding([
        cond(
          'ReleaseSynced',
          'False',
          'ComponentReleaseNotFound',
          'ComponentRelease "snip-api-service-5d8f9c" not found',
        ),
        cond(
          'Ready',
          'False',
          'ComponentReleaseNotFound',
          'ComponentRelease "snip-api-service-5d8f9c" not found',
        ),
      ]),
    );
    expect(summary).toEqual({
      state: 'failed',
      reason: 'ComponentReleaseNotFound',
      message: "Release 'snip-api-service-5d8f9c' does not exist",
      since: T0,
    });
  });

  it('keeps the controller message when rendering fails', () => {
    const msg = 'failed to evaluate ${parameters.replicas}: no such key';
    const summary = summarizeReleaseBinding(
      binding([cond('Ready', 'False', 'RenderingFailed', msg)]),
    );
    expect(summary.state).toBe('failed');
    expect(summary.message).toBe(
      `Rendering the Kubernetes manifests failed: ${msg}`,
    );
  });

  it.each([
    [
      'ResourcesDegraded',
      'Primary workload Deployment/snip-api-service-development-53bed701 is degraded',
      'failed',
    ],
    ['ResourceApplyFailed', 'admission webhook denied the request', 'failed'],
    ['JobFailed', 'Job migrate failed', 'failed'],
    [
      'ResourcesProgressing',
      'Primary workload Deployment/x is progressing',
      'progressing',
    ],
    ['JobRunning', 'Job migrate is running', 'progressing'],
  ])('maps %s to %s', (reason, message, state) => {
    const summary = summarizeReleaseBinding(
      binding([
        cond('ReleaseSynced', 'True', 'ReleaseSynced'),
        cond('ResourcesReady', 'False', reason, message),
        cond('Ready', 'False', reason, message),
      ]),
    );
    expect(summary.state).toBe(state);
    expect(summary.reason).toBe(reason);
  });

  it('waits for pods while resources progress', () => {
    const summary = summarizeReleaseBinding(
      binding([
        cond(
          'Ready',
          'False',
          'ResourcesProgressing',
          'Release "x" has no resources yet',
        ),
      ]),
    );
    expect(summary.message).toBe('Waiting for pods to become ready');
  });

  it('names the dependencies it is waiting for', () => {
    const summary = summarizeReleaseBinding(
      binding(
        [
          cond(
            'ConnectionsResolved',
            'False',
            'ConnectionsPending',
            '2 connections pending, 0 resolved',
          ),
          cond(
            'Ready',
            'False',
            'ConnectionsPending',
            '2 connections pending, 0 resolved',
          ),
        ],
        {
          status: {
            pendingConnections: [
              {
                namespace: 'default',
                project: 'url-shortener',
                component: 'redis',
                endpoint: 'tcp',
                reason: 'ReleaseBinding not found',
              },
              {
                namespace: 'default',
                project: 'identity',
                component: 'auth',
                endpoint: 'http',
                reason: 'endpoint "http" not yet resolved',
              },
            ],
          },
        },
      ),
    );
    expect(summary).toMatchObject({
      state: 'progressing',
      reason: 'ConnectionsPending',
      message:
        "Waiting for dependencies to be deployed in 'development': redis (endpoint 'tcp'), identity/auth (endpoint 'http')",
    });
  });

  it('is progressing before the controller has written anything', () => {
    expect(summarizeReleaseBinding(binding(undefined))).toEqual({
      state: 'progressing',
      message: 'Waiting for OpenChoreo to process this deployment',
    });
  });

  it('does not trust conditions from an older generation (e.g. right after a promotion)', () => {
    const stale = binding([cond('Ready', 'True', 'Ready', '', 1)], {
      generation: 2,
    });
    expect(summarizeReleaseBinding(stale)).toMatchObject({
      state: 'progressing',
      message: 'Waiting for OpenChoreo to process the latest change',
    });
  });

  it('falls back to the failing sub-condition when Ready is missing', () => {
    const summary = summarizeReleaseBinding(
      binding([
        cond('ReleaseSynced', 'True', 'ReleaseSynced'),
        cond(
          'ResourcesReady',
          'False',
          'ResourcesDegraded',
          'Supporting resource Service/x is degraded',
        ),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      message:
        'The deployment is unhealthy: Supporting resource Service/x is degraded',
    });
  });

  it('is undeployed when the binding is set to Undeploy', () => {
    const summary = summarizeReleaseBinding(
      binding([cond('ReleaseSynced', 'False', 'ResourcesUndeployed')], {
        spec: { state: 'Undeploy' },
      }),
    );
    expect(summary).toEqual({
      state: 'undeployed',
      reason: 'ResourcesUndeployed',
      message: "Undeployed from 'development'",
      since: T0,
    });
  });

  it('reports an undeploy that failed', () => {
    const summary = summarizeReleaseBinding(
      binding(
        [cond('ReleaseSynced', 'False', 'ReleaseDeletionFailed', 'forbidden')],
        { spec: { state: 'Undeploy' } },
      ),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      message: 'Removing the deployment failed: forbidden',
    });
  });

  it('shows an unknown reason from a newer OpenChoreo as unknown with its message', () => {
    const summary = summarizeReleaseBinding(
      binding([
        cond('Ready', 'False', 'SomethingNew', 'new controller says hi'),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'unknown',
      reason: 'SomethingNew',
      message: 'new controller says hi',
    });
  });
});

function component(
  conditions: Condition[] | undefined,
  latestRelease?: string,
): Component {
  return {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Component',
    metadata: { name: 'snip-api-service', namespace: 'default', generation: 1 },
    spec: {
      owner: { projectName: 'url-shortener' },
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
    },
    status: {
      observedGeneration: 1,
      conditions,
      latestRelease: latestRelease ? { name: latestRelease } : undefined,
    },
  };
}

describe('summarizeComponent', () => {
  it('asks for a build when there is no workload yet', () => {
    const summary = summarizeComponent(
      component([
        cond(
          'Ready',
          'False',
          'WorkloadNotFound',
          'Workload for component "snip-api-service" not found, waiting for workload to be created',
        ),
      ]),
    );
    expect(summary).toEqual({
      state: 'undeployed',
      reason: 'WorkloadNotFound',
      message: 'No workload yet: build the component or create a workload',
      since: T0,
    });
  });

  it('names the missing component type', () => {
    const summary = summarizeComponent(
      component([
        cond(
          'Ready',
          'False',
          'ComponentTypeNotFound',
          'ClusterComponentType "service" not found',
        ),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      message: "Component type 'service' does not exist",
    });
  });

  it('passes on why a workflow is not allowed', () => {
    const msg =
      'Workflow "go-builder" (kind ClusterWorkflow) is not allowed by ComponentType "service"; allowed workflows: [dockerfile-builder]';
    const summary = summarizeComponent(
      component([cond('Ready', 'False', 'WorkflowNotAllowed', msg)]),
    );
    expect(summary.message).toBe(
      `The build workflow is not allowed for this component type: ${msg}`,
    );
  });

  it('is ready with its latest release', () => {
    const summary = summarizeComponent(
      component(
        [cond('Ready', 'True', 'ComponentReleaseReady', 'ok')],
        'snip-api-service-5d8f9c',
      ),
    );
    expect(summary).toMatchObject({
      state: 'ready',
      message: "Ready; latest release is 'snip-api-service-5d8f9c'",
    });
  });

  it('says when it is being deleted', () => {
    const summary = summarizeComponent(
      component([
        cond('Ready', 'True', 'Reconciled'),
        cond('Finalizing', 'True', 'Finalizing'),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'progressing',
      message: 'Being deleted',
    });
  });
});

function prb(
  conditions: Condition[] | undefined,
  projectRelease?: string,
): ProjectReleaseBinding {
  return {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ProjectReleaseBinding',
    metadata: {
      name: 'url-shortener-development',
      namespace: 'default',
      generation: 1,
    },
    spec: {
      owner: { projectName: 'url-shortener' },
      environment: 'development',
      projectRelease,
    },
    status: { observedGeneration: 1, conditions },
  };
}

describe('summarizeProjectReleaseBinding', () => {
  it('waits for a project release to be pinned', () => {
    const summary = summarizeProjectReleaseBinding(
      prb([
        cond('Synced', 'False', 'ProjectReleaseNotSet'),
        cond('Ready', 'False', 'ProjectReleaseNotSet'),
      ]),
    );
    expect(summary).toMatchObject({
      state: 'progressing',
      message: 'Waiting for a project release to be pinned',
    });
  });

  it('fails when the project type does not render the namespace', () => {
    const msg =
      'rendered resources contain no v1/Namespace named "dp-default-url-shortener-development-a16f373a"';
    const summary = summarizeProjectReleaseBinding(
      prb(
        [cond('Ready', 'False', 'NamespaceMissing', msg)],
        'url-shortener-abc',
      ),
    );
    expect(summary).toMatchObject({
      state: 'failed',
      message: `The project type does not create the cell namespace: ${msg}`,
    });
  });

  it('uses project words for resources still coming up', () => {
    const summary = summarizeProjectReleaseBinding(
      prb([
        cond(
          'Ready',
          'False',
          'ResourcesProgressing',
          'Resource "quota" (ResourceQuota) is Progressing',
        ),
      ]),
    );
    expect(summary.message).toBe(
      'Waiting for project resources to become ready: Resource "quota" (ResourceQuota) is Progressing',
    );
  });

  it('is ready when Ready is True', () => {
    expect(
      summarizeProjectReleaseBinding(prb([cond('Ready', 'True', 'Ready')]))
        .state,
    ).toBe('ready');
  });
});

describe('summarizeStatus', () => {
  it('dispatches on kind and skips kinds without a summary', () => {
    expect(summarizeStatus(component(undefined))?.state).toBe('progressing');
    expect(
      summarizeStatus({
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Environment',
        metadata: { name: 'dev' },
        spec: {},
      }),
    ).toBeUndefined();
  });
});

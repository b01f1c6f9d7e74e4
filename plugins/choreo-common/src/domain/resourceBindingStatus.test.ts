import { Condition, ResourceReleaseBinding } from '../resources';
import { summarizeResourceReleaseBinding } from './resourceBindingStatus';
import { summarizeStatus } from './statusSummary';

const T0 = '2026-08-20T10:00:00Z';

const cond = (
  type: string,
  status: Condition['status'],
  reason: string,
  message = '',
): Condition => ({
  type,
  status,
  reason,
  message,
  observedGeneration: 1,
  lastTransitionTime: T0,
});

function rrb(
  conditions: Condition[] | undefined,
  /** null: no release promoted to this environment yet. */
  resourceRelease: string | null = 'orders-db-7f9c2d4b',
): ResourceReleaseBinding {
  return {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ResourceReleaseBinding',
    metadata: { name: 'orders-db-staging', namespace: 'acme', generation: 1 },
    spec: {
      owner: { projectName: 'payments', resourceName: 'orders-db' },
      environment: 'staging',
      ...(resourceRelease ? { resourceRelease } : {}),
    },
    status: { conditions },
  };
}

// The condition sets below are what the v1.2.3 controller writes
// (internal/controller/resourcereleasebinding/controller_status.go).
describe('summarizeResourceReleaseBinding', () => {
  it('is ready when Synced, ResourcesReady and OutputsResolved are', () => {
    const summary = summarizeResourceReleaseBinding(
      rrb([
        cond('Synced', 'True', 'ReleaseSynced'),
        cond(
          'ResourcesReady',
          'True',
          'ResourcesReady',
          'All 8 resource(s) ready',
        ),
        cond('OutputsResolved', 'True', 'OutputsResolved'),
        cond('Ready', 'True', 'Ready', 'ResourceReleaseBinding is ready'),
      ]),
    );
    expect(summary).toEqual({
      state: 'ready',
      reason: 'Ready',
      message: 'Provisioned and ready',
      since: T0,
    });
  });

  it('says a release must be promoted before anything is provisioned', () => {
    const notSet =
      'spec.resourceRelease is unset; pin a ResourceRelease to deploy this binding';
    const summary = summarizeResourceReleaseBinding(
      rrb(
        [
          cond('Synced', 'False', 'ResourceReleaseNotSet', notSet),
          cond('ResourcesReady', 'Unknown', 'SyncedNotReady'),
          cond('OutputsResolved', 'Unknown', 'SyncedNotReady'),
          cond('Ready', 'False', 'ResourceReleaseNotSet', notSet),
        ],
        null,
      ),
    );
    expect(summary).toMatchObject({
      state: 'undeployed',
      message:
        "No release promoted in 'staging' yet: promote one to provision the resource",
    });
    // Before the controller looked, the empty pin says the same.
    expect(summarizeResourceReleaseBinding(rrb(undefined, null))).toEqual({
      state: summary.state,
      reason: summary.reason,
      message: summary.message,
    });
  });

  it('copies the sub-condition that holds Ready back, with resource words', () => {
    const progressing = summarizeResourceReleaseBinding(
      rrb([
        cond('Synced', 'True', 'ReleaseSynced'),
        cond(
          'ResourcesReady',
          'False',
          'ResourcesProgressing',
          'Resource "statefulset" (StatefulSet) is Progressing',
        ),
        cond(
          'Ready',
          'False',
          'ResourcesProgressing',
          'Resource "statefulset" (StatefulSet) is Progressing',
        ),
      ]),
    );
    expect(progressing).toMatchObject({
      state: 'progressing',
      message:
        'Waiting for the resource to become ready: Resource "statefulset" (StatefulSet) is Progressing',
    });

    const outputs = summarizeResourceReleaseBinding(
      rrb([
        cond(
          'OutputsResolved',
          'False',
          'OutputResolutionFailed',
          'output "host": no such key',
        ),
      ]),
    );
    expect(outputs).toMatchObject({
      state: 'failed',
      message:
        'Some outputs of the resource could not be resolved: output "host": no such key',
    });

    expect(
      summarizeResourceReleaseBinding(
        rrb([cond('Ready', 'False', 'ResourceReleaseNotFound')]),
      ).message,
    ).toBe("Resource release 'orders-db-7f9c2d4b' does not exist");
  });

  it('says when a deleted binding is held by its retain policy', () => {
    const summary = summarizeResourceReleaseBinding(
      rrb([cond('Finalizing', 'True', 'RetainHold')]),
    );
    expect(summary.state).toBe('progressing');
    expect(summary.message).toMatch(/retain policy Retain/);
  });

  it('is what summarizeStatus gives for the kind', () => {
    const binding = rrb([cond('Ready', 'True', 'Ready')]);
    expect(summarizeStatus(binding)).toEqual(
      summarizeResourceReleaseBinding(binding),
    );
  });
});

import { ResourceReleaseBinding } from '../resources';
import {
  decidingCondition,
  finalizing,
  findCondition,
  fromCondition,
  isStale,
  StatusSummary,
  waitingForController,
} from './conditionSummary';
import { ReasonContext } from './statusReasons';

/**
 * A ResourceReleaseBinding (a managed resource in one environment), read like
 * a component's ReleaseBinding: `Ready` copies the reason of the
 * sub-condition that holds it back (Synced, ResourcesReady, OutputsResolved),
 * so it alone decides; the sub-conditions fill in when it is absent.
 */
export function summarizeResourceReleaseBinding(
  binding: ResourceReleaseBinding,
): StatusSummary {
  const { spec, status, metadata } = binding;
  const conditions = status?.conditions;
  const ctx: ReasonContext = {
    releaseName: spec.resourceRelease,
    environment: spec.environment,
    project: spec.owner?.projectName,
    resource: spec.owner?.resourceName,
  };
  const deleting = finalizing(conditions);
  if (deleting) {
    const hold = findCondition(conditions, 'Finalizing');
    return hold?.reason === 'RetainHold'
      ? fromCondition('ResourceReleaseBinding', hold, ctx)
      : deleting;
  }
  if (!conditions?.length) {
    // The controller reports this too, but it is true before it looks.
    if (!spec.resourceRelease) {
      return fromCondition(
        'ResourceReleaseBinding',
        {
          type: 'Synced',
          status: 'False',
          reason: 'ResourceReleaseNotSet',
        },
        ctx,
      );
    }
    return waitingForController('this resource');
  }

  const ready = findCondition(conditions, 'Ready');
  if (isStale(metadata, status, ready))
    return waitingForController('the latest change');
  const decider = decidingCondition(conditions, ready, [
    'Synced',
    'ResourcesReady',
    'OutputsResolved',
  ]);
  if (!decider) return waitingForController('this resource');
  return fromCondition('ResourceReleaseBinding', decider, ctx);
}

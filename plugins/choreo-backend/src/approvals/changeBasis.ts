import {
  CHOREO_ANNOTATIONS,
  ChangeBasis,
  ChangeRequest,
  ReleaseBinding,
  RequestedChange,
} from '@choreo-for-backstage/plugin-choreo-common';

/** What an environment runs, as far as the gate's changes are concerned. */
export function basisOf(binding: ReleaseBinding | undefined): ChangeBasis {
  if (!binding) return { bound: false };
  const restartedAt =
    binding.metadata.annotations?.[CHOREO_ANNOTATIONS.restartedAt];
  return {
    bound: true,
    ...(binding.spec.releaseName
      ? { releaseName: binding.spec.releaseName }
      : {}),
    state: binding.spec.state ?? 'Active',
    ...(restartedAt ? { restartedAt } : {}),
  };
}

export function sameBasis(a: ChangeBasis, b: ChangeBasis): boolean {
  return (
    a.bound === b.bound &&
    a.releaseName === b.releaseName &&
    (a.state ?? 'Active') === (b.state ?? 'Active') &&
    a.restartedAt === b.restartedAt
  );
}

/** What changed between the request and now, in words, e.g. "it ran r1 then and runs r2 now". */
export function describeBasisChange(
  then: ChangeBasis,
  now: ChangeBasis,
): string {
  const words = (b: ChangeBasis) => {
    if (!b.bound) return 'nothing';
    const state = b.state === 'Undeploy' ? ' (undeployed)' : '';
    return `${b.releaseName ?? 'no release'}${state}`;
  };
  if (words(then) !== words(now)) {
    return `it ran ${words(then)} then and runs ${words(now)} now`;
  }
  return 'it was restarted since';
}

export function sameChange(a: RequestedChange, b: RequestedChange): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether the environment already runs what the request asked for: after an
 * interrupted apply, the write may have landed before the process stopped.
 */
export function changeLanded(
  request: Pick<ChangeRequest, 'change' | 'basis'>,
  now: ChangeBasis,
): boolean {
  const { change, basis } = request;
  switch (change.kind) {
    case 'promote':
    case 'rollback':
      return (
        now.bound &&
        now.releaseName === change.releaseName &&
        now.state !== 'Undeploy'
      );
    case 'undeploy':
      return now.bound && now.state === 'Undeploy';
    case 'redeploy':
      return now.bound && now.state !== 'Undeploy';
    case 'restart':
      return now.bound && now.restartedAt !== basis.restartedAt;
    default:
      return false;
  }
}

/** The first line of the commit (GitOps) a change becomes. */
export function changeTitle(
  component: string,
  environment: string,
  change: RequestedChange,
): string {
  switch (change.kind) {
    case 'promote':
      return `Promote ${component} to ${environment}: ${change.releaseName} from ${change.from}`;
    case 'rollback':
      return `Roll back ${component} in ${environment} to ${change.releaseName}`;
    case 'undeploy':
      return `Undeploy ${component} from ${environment}`;
    case 'redeploy':
      return `Redeploy ${component} in ${environment}`;
    case 'restart':
    default:
      return `Restart ${component} in ${environment}`;
  }
}

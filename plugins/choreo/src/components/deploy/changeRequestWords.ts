import {
  ChangeBasis,
  ChangeRequest,
  ChangeRequestState,
  OPEN_CHANGE_REQUEST_STATES,
  describeChange,
} from '@choreo-for-backstage/plugin-choreo-common';

/** "promote r2 from staging", "roll back to r1", "undeploy", ... */
export const changeWords = describeChange;

/** "production ran r1", what the approval is conditional on. */
export function basisWords(environment: string, basis: ChangeBasis): string {
  if (!basis.bound) return `nothing was deployed to ${environment}`;
  const release = basis.releaseName ?? 'no release';
  return basis.state === 'Undeploy'
    ? `${environment} had ${release}, undeployed`
    : `${environment} ran ${release}`;
}

export const STATE_WORDS: Record<ChangeRequestState, string> = {
  pending: 'Waiting for approval',
  applying: 'Being applied',
  applied: 'Applied',
  failed: 'Failed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  stale: 'Stale',
};

export const isOpen = (request: ChangeRequest) =>
  OPEN_CHANGE_REQUEST_STATES.includes(request.state);

/** The open request of an environment (the backend allows one at a time). */
export function openRequestOf(
  requests: ChangeRequest[],
  environment: string,
): ChangeRequest | undefined {
  return requests.find(r => r.environment === environment && isOpen(r));
}

import {
  ChangeKind,
  ComponentDeployments,
  EnvironmentDeployment,
} from '@choreo-for-backstage/plugin-choreo-common';
import { fieldOwnersOf } from '../shared/responseErrors';

/** Everything the Deploy tab can ask the backend to change. */
export type DeployAction = (
  | { kind: 'promote'; from: string; to: string }
  | { kind: 'rollback'; environment: string; releaseName: string }
  | { kind: 'restart'; environment: string }
  | { kind: 'undeploy'; environment: string }
  | { kind: 'redeploy'; environment: string }
) & {
  /** The user confirmed taking over fields another manager owns. */
  takeOver?: boolean;
};

export const ACTION_LABELS: Record<ChangeKind, string> = {
  promote: 'Promote',
  rollback: 'Roll back',
  restart: 'Restart',
  undeploy: 'Undeploy',
  redeploy: 'Redeploy',
};

/** The same, where the change waits for someone else's approval. */
export const REQUEST_LABELS: Record<ChangeKind, string> = {
  promote: 'Request promotion',
  rollback: 'Request rollback',
  restart: 'Request restart',
  undeploy: 'Request undeploy',
  redeploy: 'Request redeploy',
};

/** The environment whose running release the action changes. */
export const environmentOf = (action: DeployAction) =>
  action.kind === 'promote' ? action.to : action.environment;

export function laneOf(
  d: ComponentDeployments,
  env: string,
): EnvironmentDeployment | undefined {
  return d.environments.find(e => e.environment === env);
}

/** Whether this change in this environment waits for someone else's approval. */
export function waitsForApproval(
  d: ComponentDeployments,
  kind: ChangeKind,
  environment: string,
): boolean {
  return laneOf(d, environment)?.changesNeedingApproval.includes(kind) ?? false;
}

/** "Promote", or "Request promotion" where it waits for approval. */
export const labelOf = (d: ComponentDeployments, action: DeployAction) =>
  (waitsForApproval(d, action.kind, environmentOf(action))
    ? REQUEST_LABELS
    : ACTION_LABELS)[action.kind];

function currently(d: ComponentDeployments, env: string): string {
  const release = laneOf(d, env)?.releaseName;
  return release
    ? `${env} currently runs ${release}`
    : `nothing is deployed to ${env} yet`;
}

/** What approval is conditional on, in the words of the lane as it is now. */
function stillRuns(d: ComponentDeployments, env: string): string {
  const lane = laneOf(d, env);
  if (!lane?.bindingName) return `nothing is deployed to ${env}`;
  if (lane.status.state === 'undeployed') {
    return `${env} is still undeployed`;
  }
  return `${env} still runs ${lane.releaseName ?? 'its current release'}`;
}

/**
 * Why a change waits: "production needs a second person's approval: this
 * creates a request that someone other than you approves; it applies only
 * while production still runs r1, and expires if nobody decides."
 */
export function approvalWhy(d: ComponentDeployments, env: string): string {
  return `${env} needs a second person's approval: this creates a request that someone other than you approves; it applies only while ${stillRuns(
    d,
    env,
  )}, and expires if nobody decides.`;
}

/**
 * The sentence a confirmation dialog shows: exactly what will change, named
 * by release and environment, so nobody promotes the wrong thing.
 */
export function describeAction(
  d: ComponentDeployments,
  action: DeployAction,
): string {
  const component = d.component.name;
  switch (action.kind) {
    case 'promote': {
      const release =
        laneOf(d, action.from)?.releaseName ?? 'the current release';
      return `Bind release ${release} from ${action.from} to ${
        action.to
      }; ${currently(d, action.to)}.`;
    }
    case 'rollback':
      return `Bind release ${action.releaseName} to ${
        action.environment
      }; ${currently(d, action.environment)}.`;
    case 'restart': {
      const release = laneOf(d, action.environment)?.releaseName;
      return `Restart the pods of ${component} in ${
        action.environment
      }; they come back with the same release${
        release ? ` (${release})` : ''
      }.`;
    }
    case 'undeploy':
      return `Undeploy ${component} from ${
        action.environment
      }: its pods stop and its endpoints stop answering; ${currently(
        d,
        action.environment,
      )}. The binding stays, so you can redeploy.`;
    case 'redeploy': {
      const release =
        laneOf(d, action.environment)?.releaseName ?? 'its bound release';
      return `Deploy release ${release} to ${action.environment} again.`;
    }
    default:
      return '';
  }
}

/**
 * A change refused because another manager (kubectl, a controller, Argo CD)
 * owns a field it sets: the same change again, taking the fields over, and
 * what the user must know before confirming it.
 */
export function takeOverQuestion<T extends { takeOver?: boolean }>(
  subject: T,
  error: unknown,
): { subject: T; notice: string } | undefined {
  const owners = fieldOwnersOf(error);
  if (!owners || subject.takeOver) return undefined;
  const managers = [...new Set(owners.map(o => o.manager))].join(' and ');
  const fields = owners.map(o => o.field).join(', ');
  return {
    subject: { ...subject, takeOver: true },
    notice: `${fields} ${
      owners.length === 1 ? 'is' : 'are'
    } managed by ${managers}, not by the portal. Confirm to take ${
      owners.length === 1 ? 'it' : 'them'
    } over; ${managers} may change ${
      owners.length === 1 ? 'it' : 'them'
    } back, so tell whoever runs it.`,
  };
}

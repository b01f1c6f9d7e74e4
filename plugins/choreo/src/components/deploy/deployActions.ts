import {
  ComponentDeployments,
  EnvironmentDeployment,
  MutationResponse,
  PromotionResponse,
} from '@choreo-for-backstage/plugin-choreo-common';

/** Everything the Deploy tab can ask the backend to do. */
export type DeployAction =
  | { kind: 'promote'; from: string; to: string; requiresApproval: boolean }
  | { kind: 'rollback'; environment: string; releaseName: string }
  | { kind: 'restart'; environment: string }
  | { kind: 'undeploy'; environment: string }
  | { kind: 'redeploy'; environment: string };

export const ACTION_LABELS: Record<DeployAction['kind'], string> = {
  promote: 'Promote',
  rollback: 'Roll back',
  restart: 'Restart',
  undeploy: 'Undeploy',
  redeploy: 'Redeploy',
};

function lane(
  d: ComponentDeployments,
  env: string,
): EnvironmentDeployment | undefined {
  return d.environments.find(e => e.environment === env);
}

function currently(d: ComponentDeployments, env: string): string {
  const release = lane(d, env)?.releaseName;
  return release
    ? `${env} currently runs ${release}`
    : `nothing is deployed to ${env} yet`;
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
        lane(d, action.from)?.releaseName ?? 'the current release';
      const change = `Bind release ${release} from ${action.from} to ${
        action.to
      }; ${currently(d, action.to)}.`;
      return action.requiresApproval
        ? `${change} ${action.to} needs approval: this creates a promotion request that someone else must approve before anything changes.`
        : change;
    }
    case 'rollback':
      return `Bind release ${action.releaseName} to ${
        action.environment
      }; ${currently(d, action.environment)}.`;
    case 'restart': {
      const release = lane(d, action.environment)?.releaseName;
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
        lane(d, action.environment)?.releaseName ?? 'its bound release';
      return `Deploy release ${release} to ${action.environment} again.`;
    }
    default:
      return '';
  }
}

/** What the user reads after the backend answered. */
export interface ActionOutcome {
  severity: 'success' | 'info';
  message: string;
  warnings: string[];
}

function applied(what: string, r: MutationResponse): ActionOutcome {
  const change =
    r.action === 'unchanged'
      ? `nothing changed (${r.resource.kind} ${r.resource.name} already had it)`
      : `${r.resource.kind} ${r.resource.name} ${r.action}`;
  return {
    severity: 'success',
    message: `${what}: ${change}.`,
    warnings: r.warnings ?? [],
  };
}

function doneWords(action: DeployAction): string {
  if (action.kind === 'promote') return `Promoted to ${action.to}`;
  if (action.kind === 'rollback') {
    return `Rolled ${action.environment} back to ${action.releaseName}`;
  }
  return `${ACTION_LABELS[action.kind]} in ${action.environment}`;
}

export function outcomeOf(
  action: DeployAction,
  response: PromotionResponse | MutationResponse,
): ActionOutcome {
  if (response.result === 'pending-approval') {
    const r = response.request;
    return {
      severity: 'info',
      message: `Promotion of ${r.releaseName} to ${r.to} is waiting for approval (requested by ${r.requestedBy}).`,
      warnings: response.warnings ?? [],
    };
  }
  return applied(doneWords(action), response);
}

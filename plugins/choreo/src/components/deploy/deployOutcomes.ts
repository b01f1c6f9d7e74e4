import {
  AccessOverview,
  ChangeRequest,
  ChangeResponse,
  MutationResponse,
  PORTAL_ACTIONS,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ShownOutcome, orList, roleNamesGranting, timeUntil } from '../shared';
import { ACTION_LABELS, DeployAction } from './deployActions';
import { changeWords } from './changeRequestWords';

function written(r: MutationResponse): string {
  return r.action === 'unchanged'
    ? `nothing changed (${r.resource.kind} ${r.resource.name} already had it)`
    : `${r.resource.kind} ${r.resource.name} ${r.action}`;
}

function doneWords(action: DeployAction): string {
  if (action.kind === 'promote') return `Promoted to ${action.to}`;
  if (action.kind === 'rollback') {
    return `Rolled ${action.environment} back to ${action.releaseName}`;
  }
  return `${ACTION_LABELS[action.kind]} in ${action.environment}`;
}

/**
 * "someone other than user:acme/alice with an OpenChoreo role granting
 * releasebinding:approve in production, such as admin".
 */
export function approverWords(
  request: ChangeRequest,
  namespace: string,
  access?: AccessOverview,
): string {
  const roles = access
    ? roleNamesGranting(access, PORTAL_ACTIONS.approve, namespace)
    : [];
  return `someone other than ${
    request.requestedBy
  } with an OpenChoreo role granting ${PORTAL_ACTIONS.approve} in ${
    request.environment
  }${roles.length ? `, such as ${orList(roles)}` : ''}`;
}

/** What the user reads after the backend answered an action. */
export function actionOutcome(
  action: DeployAction,
  response: ChangeResponse,
  context: {
    namespace: string;
    access?: AccessOverview;
  },
): ShownOutcome {
  if (response.result !== 'pending-approval') {
    return {
      status: 'success',
      title: `${doneWords(action)}: ${written(response)}.`,
      warnings: response.warnings ?? [],
    };
  }
  const r = response.request;
  const { created } = response;
  const expires = timeUntil(r.expiresAt);
  return {
    status: 'info',
    title: `Waiting for approval: ${changeWords(r.change)} in ${
      r.environment
    } (request ${created ? 'created' : 'already open'}, asked by ${
      r.requestedBy
    }).`,
    detail: `It can be approved by ${approverWords(
      r,
      context.namespace,
      context.access,
    )}${expires ? `, until it expires ${expires}` : ''}.`,
    warnings: response.warnings ?? [],
  };
}

/** What the user reads after approving, rejecting or withdrawing. */
export function decisionOutcome(answer: {
  request: ChangeRequest;
  mutation?: MutationResponse;
}): ShownOutcome {
  const r = answer.request;
  const by = r.decidedBy ? ` (by ${r.decidedBy})` : '';
  const change = answer.mutation ? `: ${written(answer.mutation)}` : '';
  return {
    status: r.state === 'failed' ? 'danger' : 'success',
    title: `Request to ${changeWords(r.change)} in ${r.environment} is ${
      r.state
    }${by}${change}.`,
    detail: r.outcome,
    warnings: answer.mutation?.warnings ?? [],
  };
}

import { NotAllowedError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  CHOREO_PERMISSION_NAMES,
  ChangeRequest,
  ChangeResponse,
  ComponentRef,
  MutationResponse,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Zod } from './actionInput';
import { awaitApproval } from './awaitApproval';
import { componentEntityRef } from './choreoRefs';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';

/** The inputs of an action whose change may need someone else's approval. */
export const approvalInputShape = (zImpl: Zod) => ({
  takeOver: zImpl
    .boolean()
    .default(false)
    .describe(
      'Take over fields of the ReleaseBinding another field manager owns (kubectl, a controller, Argo CD); without it such a change fails naming the field and its manager',
    ),
  waitForApproval: zImpl
    .boolean()
    .default(false)
    .describe(
      'When the environment needs approval: wait for someone else to approve (true) instead of failing with the request id (false)',
    ),
  approvalTimeoutMinutes: zImpl
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(60)
    .describe('With waitForApproval: fail when nobody decided by then'),
  pollIntervalSeconds: zImpl
    .number()
    .min(0.05)
    .max(300)
    .default(5)
    .describe('With waitForApproval: how often to look at the request'),
});

export interface ApprovalWaiting {
  waitForApproval: boolean;
  approvalTimeoutMinutes: number;
  pollIntervalSeconds: number;
}

/** Who may approve, in words; the backend enforces it. */
const approvers = (request: ChangeRequest) =>
  `anyone other than ${request.requestedBy} who holds the ${CHOREO_PERMISSION_NAMES.releaseApprove} permission for '${request.environment}'`;

/**
 * The change as applied: at once, or — where the environment needs
 * approval — after someone else approved it, when the template waits.
 * Without waiting, the task stops with the request id: the approval applies
 * the change, and nothing needs to run again.
 */
export async function settleChange(
  deps: ChoreoActionDeps,
  ctx: Pick<
    ActionContext<any, any>,
    'logger' | 'signal' | 'output' | 'getInitiatorCredentials'
  >,
  ref: ComponentRef,
  what: string,
  response: ChangeResponse,
  waiting: ApprovalWaiting,
): Promise<{ applied: MutationResponse } | { approved: ChangeRequest }> {
  for (const warning of response.warnings ?? []) ctx.logger.warn(warning);
  if (response.result === 'applied') return { applied: response };
  const { request } = response;
  ctx.output('requestId', request.id);
  const asked = `${what} needs approval: request ${
    request.id
  } waits for ${approvers(request)}`;
  if (!waiting.waitForApproval) {
    throw new NotAllowedError(
      `${asked}. The approval applies the change (on the component's Deploy tab); nothing needs to run again. To keep the task waiting for it instead, set waitForApproval: true`,
    );
  }
  ctx.logger.info(
    `${asked}; waiting up to ${waiting.approvalTimeoutMinutes} minute(s)`,
  );
  const approved = await awaitApproval({
    request,
    fetch: async () => {
      const fresh = await initiatorClient(deps, ctx);
      const page = await fresh.client.listChangeRequests(
        { component: componentEntityRef(ref) },
        fresh.options,
      );
      return page.items.find(r => r.id === request.id);
    },
    logger: ctx.logger,
    timeoutMs: waiting.approvalTimeoutMinutes * 60_000,
    pollMs: waiting.pollIntervalSeconds * 1000,
    signal: ctx.signal,
  });
  ctx.logger.info(
    `Change request ${approved.id} was approved by ${approved.decidedBy} and applied`,
  );
  return { approved };
}

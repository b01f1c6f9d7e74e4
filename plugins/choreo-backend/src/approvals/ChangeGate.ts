import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  CHOREO_ANNOTATIONS,
  ChangeRequest,
  ChangeResponse,
  MutationResponse,
  RequestedChange,
  changeNeedsApproval,
  choreoComponentEntityRef,
  describeChange,
  choreoReleaseApprovePermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoWriter,
  FieldOwnershipError,
} from '@choreo-for-backstage/plugin-choreo-node';
import { AuditContext, audited } from '../audit/AuditedAction';
import { ComponentContext } from '../deployments/ComponentContext';
import {
  BindingChange,
  applyBinding,
} from '../deployments/ReleaseBindingWriter';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { Caller, actorOf } from '../shared/caller';
import { ApprovalConfig } from './approvalConfig';
import {
  basisOf,
  changeLanded,
  changeTitle,
  describeBasisChange,
  sameBasis,
  sameChange,
} from './changeBasis';
import { ChangeRequestStore } from './ChangeRequestStore';

/** A change a service validated and authorized, on its way to the gate. */
export interface PlannedChange {
  ctx: ComponentContext;
  environment: string;
  change: RequestedChange;
  /** Warnings to pass on, whether it applies now or waits. */
  warnings: string[];
  /** The user confirmed taking over fields another field manager owns. */
  takeOver?: boolean;
}

/** An interrupted apply is settled after this long (the write timeouts are far shorter). */
const STUCK_AFTER_MS = 10 * 60 * 1000;

const label = (ctx: ComponentContext) => `${ctx.ref.namespace}/${ctx.ref.name}`;

function bindingChangeOf(change: RequestedChange): BindingChange {
  switch (change.kind) {
    case 'promote':
    case 'rollback':
      return { releaseName: change.releaseName };
    case 'undeploy':
      return { state: 'Undeploy' };
    case 'redeploy':
      return { state: 'Active' };
    case 'restart':
    default:
      return {
        annotations: {
          [CHOREO_ANNOTATIONS.restartedAt]: new Date().toISOString(),
        },
      };
  }
}

/**
 * The one gate between the services and the ReleaseBinding writer: every
 * change to what runs in an environment comes through `submit`. Where the
 * change needs approval (choreo.approvals), it becomes a change request that
 * someone else approves; approval applies it only while the environment
 * still runs what the requester saw, and only before the request expires.
 */
export class ChangeGate {
  constructor(
    private readonly options: {
      requests: ChangeRequestStore;
      config: ApprovalConfig;
      authorizer: ChoreoAuthorizer;
      audit: AuditContext;
      logger: LoggerService;
      /** The component as the store has it now. */
      context: (ref: { namespace: string; name: string }) => ComponentContext;
      writerFor: (namespace: string) => ChoreoWriter;
    },
  ) {}

  needsApproval(plan: Pick<PlannedChange, 'ctx' | 'environment' | 'change'>) {
    return changeNeedsApproval(
      this.options.config,
      plan.change.kind,
      plan.environment,
      plan.ctx.environments.get(plan.environment),
    );
  }

  /** Applies the change now, or opens (or returns the open) request for it. */
  async submit(plan: PlannedChange, caller: Caller): Promise<ChangeResponse> {
    if (!this.needsApproval(plan)) {
      const mutation = await this.write(plan, caller);
      mutation.warnings.push(...plan.warnings);
      return mutation;
    }
    const { ctx, environment, change } = plan;
    const componentRef = choreoComponentEntityRef(ctx.ref);
    const { request, created } = await this.options.requests.open({
      componentRef,
      environment,
      change,
      basis: basisOf(ctx.bindings.get(environment)),
      requestedBy: actorOf(caller.credentials),
      expiresAt: new Date(Date.now() + this.options.config.expireAfterMs),
    });
    if (!created && !sameChange(request.change, change)) {
      throw new ConflictError(
        `A change to ${label(
          ctx,
        )} in '${environment}' is already waiting for approval: request ${
          request.id
        } by ${request.requestedBy} to ${describeChange(
          request.change,
        )}. Approve, reject or withdraw it first.`,
      );
    }
    return {
      result: 'pending-approval',
      request,
      created,
      warnings: plan.warnings,
    };
  }

  /** Applies a pending request for someone other than its requester. */
  async approve(
    id: string,
    caller: Caller,
    comment?: string,
    /** The approver confirmed taking over fields another manager owns. */
    takeOver?: boolean,
  ): Promise<{ request: ChangeRequest; mutation: MutationResponse }> {
    const request = await this.load(id);
    const details = requestDetails(request);
    return audited(
      this.options.audit,
      caller,
      { action: 'change.approve', target: request.componentRef, details },
      async () => {
        const ctx = this.options.context(componentOf(request));
        const what = `approve the change of ${label(ctx)} in '${
          request.environment
        }'`;
        await this.options.authorizer.authorize(
          caller.credentials,
          choreoReleaseApprovePermission,
          scopeOf(ctx, request.environment),
          what,
        );
        const approver = actorOf(caller.credentials);
        if (approver === request.requestedBy) {
          throw new NotAllowedError(
            `You may not ${what}: you asked for it, and a change in '${request.environment}' needs a second person (four-eyes)`,
          );
        }
        // decided (or being applied) already: say that, not that the
        // environment changed since (which may be this very change landing)
        if (request.state !== 'pending') {
          throw await this.notPending(id, 'approved');
        }
        await this.checkStillApplicable(request, ctx);
        if (
          !(await this.options.requests.transition(id, 'pending', 'applying', {
            decidedBy: approver,
            comment,
          }))
        ) {
          throw await this.notPending(id, 'approved');
        }
        try {
          const mutation = await this.write(
            {
              ctx,
              environment: request.environment,
              change: request.change,
              takeOver,
            },
            caller,
            `request ${request.id}, asked by ${request.requestedBy}, approved by ${approver}`,
          );
          await this.options.requests.transition(id, 'applying', 'applied');
          details.outcome = 'applied';
          return { request: (await this.options.requests.get(id))!, mutation };
        } catch (error) {
          if (error instanceof FieldOwnershipError) {
            // the approver may confirm the take-over and approve again
            details.outcome = 'waiting-for-take-over';
            await this.options.requests.transition(id, 'applying', 'pending', {
              outcome: error.message,
            });
            throw error;
          }
          details.outcome = 'failed';
          await this.options.requests.transition(id, 'applying', 'failed', {
            outcome:
              'The approved change could not be written; see the audit log',
          });
          throw error;
        }
      },
    );
  }

  /** Someone who may approve says no; the requester may withdraw their own. */
  async decline(
    id: string,
    decision: 'reject' | 'withdraw',
    caller: Caller,
    comment?: string,
  ): Promise<{ request: ChangeRequest }> {
    const request = await this.load(id);
    return audited(
      this.options.audit,
      caller,
      {
        action: `change.${decision}`,
        target: request.componentRef,
        details: requestDetails(request),
      },
      async () => {
        const decider = actorOf(caller.credentials);
        const mine = decider === request.requestedBy;
        if (decision === 'withdraw' && !mine) {
          throw new NotAllowedError(
            `Only ${request.requestedBy}, who asked for it, may withdraw request ${id}; reject it instead`,
          );
        }
        if (decision === 'reject') {
          const ctx = this.options.context(componentOf(request));
          await this.options.authorizer.authorize(
            caller.credentials,
            choreoReleaseApprovePermission,
            scopeOf(ctx, request.environment),
            `reject the change of ${label(ctx)} in '${request.environment}'`,
          );
        }
        const to = decision === 'reject' ? 'rejected' : 'withdrawn';
        if (
          !(await this.options.requests.transition(id, 'pending', to, {
            decidedBy: decider,
            comment,
          }))
        ) {
          throw await this.notPending(id, to);
        }
        return { request: (await this.options.requests.get(id))! };
      },
    );
  }

  /**
   * Expires pending requests whose time ran out and settles requests whose
   * apply was interrupted: applied when the environment runs what they asked
   * for, failed otherwise. Safe on every replica at once.
   */
  async sweep(now = new Date()): Promise<void> {
    const { requests, logger } = this.options;
    for (const request of await requests.expiredPending(now)) {
      await requests.transition(request.id, 'pending', 'expired', {
        outcome: `Nobody decided before ${request.expiresAt}; ask again if it is still wanted`,
      });
    }
    const stuck = await requests.stuckApplying(
      new Date(now.getTime() - STUCK_AFTER_MS),
    );
    for (const request of stuck) {
      let landed = false;
      try {
        const ctx = this.options.context(componentOf(request));
        landed = changeLanded(
          request,
          basisOf(ctx.bindings.get(request.environment)),
        );
      } catch {
        // the component is gone: nothing to finish
      }
      await requests.transition(
        request.id,
        'applying',
        landed ? 'applied' : 'failed',
        {
          outcome: landed
            ? 'Finished after the backend that applied it stopped'
            : 'Interrupted while being applied (the backend stopped); nothing changed. Ask again.',
        },
      );
      logger.warn(
        `Change request ${
          request.id
        } was interrupted while being applied; marked ${
          landed ? 'applied' : 'failed'
        }`,
      );
    }
  }

  private async checkStillApplicable(
    request: ChangeRequest,
    ctx: ComponentContext,
  ) {
    const { requests } = this.options;
    const stale = async (why: string): Promise<never> => {
      await requests.transition(request.id, 'pending', 'stale', {
        outcome: why,
      });
      throw new ConflictError(
        `Request ${request.id} no longer applies: ${why}`,
      );
    };
    if (Date.parse(request.expiresAt) <= Date.now()) {
      await requests.transition(request.id, 'pending', 'expired', {
        outcome: `Nobody decided before ${request.expiresAt}`,
      });
      throw new ConflictError(
        `Request ${request.id} expired at ${request.expiresAt}; ask for the change again`,
      );
    }
    const now = basisOf(ctx.bindings.get(request.environment));
    if (!sameBasis(request.basis, now)) {
      await stale(
        `${label(ctx)} in '${
          request.environment
        }' changed since it was asked for: ${describeBasisChange(
          request.basis,
          now,
        )}. Ask for the change again with what runs now.`,
      );
    }
    const release =
      'releaseName' in request.change ? request.change.releaseName : undefined;
    if (release && !ctx.releases.has(release)) {
      await stale(`release ${release} of ${label(ctx)} no longer exists`);
    }
    if (!ctx.graph.environments.includes(request.environment)) {
      await stale(
        `'${
          request.environment
        }' is no longer part of the deployment pipeline of ${label(ctx)}`,
      );
    }
  }

  /** The only place a ReleaseBinding is written. */
  private write(
    plan: Pick<PlannedChange, 'ctx' | 'environment' | 'change' | 'takeOver'>,
    caller: Caller,
    approval?: string,
  ): Promise<MutationResponse> {
    const { ctx, environment, change } = plan;
    const title = changeTitle(label(ctx), environment, change);
    const message = approval ? `${title}\n\nApproved: ${approval}` : title;
    return applyBinding(
      this.options.writerFor(ctx.ref.namespace),
      ctx,
      environment,
      bindingChangeOf(change),
      {
        actor: actorOf(caller.credentials),
        message,
        // what the decision was made on: a change meanwhile is a 409, not lost
        expected: ctx.bindings.get(environment) ?? null,
        takeOver: plan.takeOver,
      },
    );
  }

  private async load(id: string): Promise<ChangeRequest> {
    const request = await this.options.requests.get(id);
    if (!request) throw new NotFoundError(`Change request '${id}' not found`);
    return request;
  }

  private async notPending(id: string, to: string) {
    const current = (await this.options.requests.get(id))?.state;
    return new ConflictError(
      `Change request '${id}' is ${current}, not pending; only pending requests can be ${to}`,
    );
  }
}

function requestDetails(request: ChangeRequest): Record<string, unknown> {
  return {
    requestId: request.id,
    environment: request.environment,
    change: describeChange(request.change),
    requestedBy: request.requestedBy,
    ...('releaseName' in request.change
      ? { releaseName: request.change.releaseName }
      : {}),
  };
}

function componentOf(request: ChangeRequest): {
  namespace: string;
  name: string;
} {
  const match = /^component:([^/]+)\/(.+)$/.exec(request.componentRef);
  if (!match) {
    throw new NotFoundError(
      `Change request '${request.id}' names no component (${request.componentRef})`,
    );
  }
  return { namespace: match[1], name: match[2] };
}

/** The component in an environment, as permissions see it. */
export function scopeOf(ctx: ComponentContext, environment: string) {
  return {
    namespace: ctx.ref.namespace,
    project: ctx.component.spec.owner.projectName,
    component: ctx.ref.name,
    environment,
  };
}

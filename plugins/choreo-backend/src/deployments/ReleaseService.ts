import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ApprovalSettings,
  ChangeResponse,
  ChoreoPermission,
  ComponentRef,
  RequestedChange,
  checkPromotion,
  choreoComponentEntityRef,
  choreoReleaseManagePermission,
  choreoReleasePromotePermission,
  choreoReleaseRollbackPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { ChangeGate, PlannedChange, scopeOf } from '../approvals/ChangeGate';
import { AuditContext, audited } from '../audit/AuditedAction';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { Caller } from '../shared/caller';
import { ComponentContext, loadComponentContext } from './ComponentContext';

/** The user confirmed taking over fields another field manager owns. */
type TakeOver = { takeOver?: boolean };

export interface ReleaseServiceOptions {
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  audit: AuditContext;
  approvals: ApprovalSettings;
  gate: ChangeGate;
}

const label = (ref: ComponentRef) => `${ref.namespace}/${ref.name}`;

/**
 * Promote, roll back, undeploy, redeploy and restart. Each checks the
 * caller's permission for that environment, validates the change against
 * the store and hands it to the ChangeGate, which applies it or turns it
 * into a change request; each is audited, refusals too.
 */
export class ReleaseService {
  constructor(private readonly options: ReleaseServiceOptions) {}

  context(ref: ComponentRef): ComponentContext {
    return loadComponentContext(
      this.options.store,
      ref,
      this.options.approvals,
    );
  }

  /** Moves the release running in `from` on to `to`, along the pipeline. */
  async promote(
    ref: ComponentRef,
    input: { from: string; to: string } & TakeOver,
    caller: Caller,
  ): Promise<ChangeResponse> {
    const details: Record<string, unknown> = { ...input };
    return this.change(
      { action: 'release.promote', permission: choreoReleasePromotePermission },
      { ref, environment: input.to, details, caller, takeOver: input.takeOver },
      `promote ${label(ref)} to ${input.to}`,
      ctx => {
        const check = checkPromotion(ctx.graph, input.from, input.to);
        if (!check.allowed) throw new InputError(check.reason);
        const source = ctx.bindings.get(input.from);
        const releaseName = source?.spec.releaseName;
        if (!source || !releaseName || source.spec.state === 'Undeploy') {
          throw new ConflictError(
            `${label(ref)} has no active release in '${
              input.from
            }' to promote; deploy it there first`,
          );
        }
        details.releaseName = releaseName;
        const target = ctx.bindings.get(input.to);
        if (
          target?.spec.releaseName === releaseName &&
          target.spec.state !== 'Undeploy'
        ) {
          return { unchanged: `'${input.to}' already runs ${releaseName}` };
        }
        return { change: { kind: 'promote', from: input.from, releaseName } };
      },
    );
  }

  /** Binds an older (or any) release of the component to an environment. */
  async rollback(
    ref: ComponentRef,
    input: { environment: string; releaseName: string } & TakeOver,
    caller: Caller,
  ): Promise<ChangeResponse> {
    return this.change(
      {
        action: 'release.rollback',
        permission: choreoReleaseRollbackPermission,
      },
      {
        ref,
        environment: input.environment,
        details: { ...input },
        caller,
        takeOver: input.takeOver,
      },
      `roll back ${label(ref)} in ${input.environment}`,
      ctx => {
        this.requireBinding(ctx, input.environment);
        if (!ctx.releases.has(input.releaseName)) {
          throw new InputError(
            `'${input.releaseName}' is not a release of ${label(
              ref,
            )}; pick one from GET /components/${ref.namespace}/${
              ref.name
            }/releases`,
          );
        }
        const warnings =
          input.environment === ctx.graph.root && ctx.component.spec.autoDeploy
            ? [
                `'${input.environment}' is the first environment and ${label(
                  ref,
                )} has autoDeploy on: OpenChoreo will reset it to the latest release; turn autoDeploy off to keep the rollback`,
              ]
            : [];
        return {
          change: { kind: 'rollback', releaseName: input.releaseName },
          warnings,
        };
      },
    );
  }

  /** `spec.state: Undeploy` removes the component from the environment; `Active` brings it back. */
  async setState(
    ref: ComponentRef,
    input: { environment: string; state: 'Active' | 'Undeploy' } & TakeOver,
    caller: Caller,
  ): Promise<ChangeResponse> {
    const kind = input.state === 'Undeploy' ? 'undeploy' : 'redeploy';
    return this.change(
      { action: `release.${kind}`, permission: choreoReleaseManagePermission },
      {
        ref,
        environment: input.environment,
        details: { ...input },
        caller,
        takeOver: input.takeOver,
      },
      `${kind} ${label(ref)} in ${input.environment}`,
      ctx => {
        this.requireBinding(ctx, input.environment);
        return { change: { kind } };
      },
    );
  }

  /** Sets `openchoreo.dev/restartedAt`, which rolls the pods. */
  async restart(
    ref: ComponentRef,
    input: { environment: string } & TakeOver,
    caller: Caller,
  ): Promise<ChangeResponse> {
    return this.change(
      { action: 'release.restart', permission: choreoReleaseManagePermission },
      {
        ref,
        environment: input.environment,
        details: { ...input },
        caller,
        takeOver: input.takeOver,
      },
      `restart ${label(ref)} in ${input.environment}`,
      ctx => {
        const binding = this.requireBinding(ctx, input.environment);
        if (binding.spec.state === 'Undeploy') {
          throw new ConflictError(
            `${label(ref)} is undeployed from '${
              input.environment
            }'; redeploy it instead of restarting`,
          );
        }
        return { change: { kind: 'restart' } };
      },
    );
  }

  private requireBinding(ctx: ComponentContext, environment: string) {
    const binding = ctx.bindings.get(environment);
    if (!binding) {
      throw new NotFoundError(
        `${label(
          ctx.ref,
        )} is not deployed to '${environment}'; promote a release there first`,
      );
    }
    return binding;
  }

  /**
   * Every change: audited (refusals too), authorized with the caller's
   * credentials for the environment it happens in, planned against the
   * component as the store has it, then through the gate.
   */
  private change(
    step: { action: string; permission: ChoreoPermission },
    target: {
      ref: ComponentRef;
      environment: string;
      details: Record<string, unknown>;
      caller: Caller;
      takeOver?: boolean;
    },
    doWhat: string,
    plan: (
      ctx: ComponentContext,
    ) =>
      | { change: RequestedChange; warnings?: string[] }
      | { unchanged: string },
  ): Promise<ChangeResponse> {
    const { ref, environment, details, caller } = target;
    return audited(
      this.options.audit,
      caller,
      {
        action: step.action,
        target: choreoComponentEntityRef(ref),
        details,
      },
      async () => {
        const ctx = this.context(ref);
        await this.options.authorizer.authorize(
          caller.credentials,
          step.permission,
          scopeOf(ctx, environment),
          doWhat,
          { bindingExists: ctx.bindings.has(environment) },
        );
        if (!ctx.graph.environments.includes(environment)) {
          throw new InputError(
            `Environment '${environment}' is not part of the deployment pipeline of ${label(
              ref,
            )}; use one of ${ctx.graph.environments.join(', ') || '(none)'}`,
          );
        }
        const planned = plan(ctx);
        if ('unchanged' in planned) {
          details.outcome = 'unchanged';
          return {
            result: 'applied',
            action: 'unchanged',
            resource: {
              kind: 'ReleaseBinding',
              namespace: ref.namespace,
              name: ctx.bindings.get(environment)!.metadata.name,
            },
            warnings: [planned.unchanged],
          };
        }
        const submitted: PlannedChange = {
          ctx,
          environment,
          change: planned.change,
          warnings: planned.warnings ?? [],
          takeOver: target.takeOver,
        };
        const response = await this.options.gate.submit(submitted, caller);
        if (response.result === 'pending-approval') {
          details.requestId = response.request.id;
          details.outcome = 'pending-approval';
        } else {
          details.outcome = response.action;
          if (response.commit) details.commit = response.commit;
        }
        return response;
      },
    );
  }
}

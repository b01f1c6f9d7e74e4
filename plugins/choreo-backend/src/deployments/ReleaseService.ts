import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  CHOREO_ANNOTATIONS,
  ChoreoPermission,
  ComponentRef,
  MutationResponse,
  PromotionResponse,
  checkPromotion,
  choreoComponentEntityRef,
  choreoReleaseManagePermission,
  choreoReleasePromotePermission,
  choreoReleaseRollbackPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  ChoreoStoreService,
} from '@choreo-for-backstage/plugin-choreo-node';
import { AuditLog } from '../audit/AuditLog';
import { PromotionRequestStore } from '../approvals/PromotionRequestStore';
import {
  ComponentAuthorizer,
  actorOf,
} from '../permissions/ComponentAuthorizer';
import { Caller, audited } from '../audit/AuditedAction';
import { ComponentContext, loadComponentContext } from './ComponentContext';
import { BindingChange, applyBinding } from './ReleaseBindingWriter';

export interface ReleaseServiceOptions {
  store: ChoreoStoreReader & Pick<ChoreoStoreService, 'writerFor'>;
  authorizer: ComponentAuthorizer;
  audit: AuditLog;
  requests: PromotionRequestStore;
  /** `choreo.approvals.environments`; default: environments with isProduction. */
  approvalEnvironments?: readonly string[];
}

const label = (ref: ComponentRef) => `${ref.namespace}/${ref.name}`;

/**
 * Promote, roll back, undeploy, redeploy and restart: each authorizes the
 * caller, validates against the store, writes the ReleaseBinding through the
 * ChoreoWriter and records an audit row, whether it succeeds or not.
 */
export class ReleaseService {
  constructor(private readonly options: ReleaseServiceOptions) {}

  context(ref: ComponentRef): ComponentContext {
    return loadComponentContext(
      this.options.store,
      ref,
      this.options.approvalEnvironments,
    );
  }

  /**
   * Moves the release of `from` to `to`. Into an environment that needs
   * approval it creates (or returns the open) promotion request instead.
   */
  async promote(
    ref: ComponentRef,
    input: { from: string; to: string },
    caller: Caller,
  ): Promise<PromotionResponse> {
    const details: Record<string, unknown> = { ...input };
    return this.guarded(
      {
        action: 'release.promote',
        permission: choreoReleasePromotePermission,
        doWhat: `promote ${label(ref)} to ${input.to}`,
        details,
      },
      ref,
      caller,
      async (ctx, doWhat) => {
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
          details.outcome = 'already-deployed';
          return {
            result: 'applied',
            action: 'unchanged',
            resource: {
              kind: 'ReleaseBinding',
              namespace: ref.namespace,
              name: target.metadata.name,
            },
            warnings: [`'${input.to}' already runs ${releaseName}`],
          };
        }

        if (ctx.approvalEnvironments.includes(input.to)) {
          const componentRef = choreoComponentEntityRef(ref);
          const open = await this.options.requests.findOpen({
            componentRef,
            to: input.to,
            releaseName,
          });
          const request =
            open ??
            (await this.options.requests.create({
              componentRef,
              from: input.from,
              to: input.to,
              releaseName,
              requestedBy: actorOf(caller.credentials),
            }));
          details.requestId = request.id;
          details.outcome = 'pending-approval';
          return {
            result: 'pending-approval',
            request,
            warnings: [
              `'${input.to}' needs approval: a promotion request was ${
                open ? 'already open' : 'created'
              }; someone other than ${request.requestedBy} must approve it`,
            ],
          };
        }
        return this.write(ctx, input.to, { releaseName }, caller, doWhat);
      },
    );
  }

  /** Binds an older (or any) release of the component to an environment. */
  async rollback(
    ref: ComponentRef,
    input: { environment: string; releaseName: string },
    caller: Caller,
  ): Promise<MutationResponse> {
    return this.guarded(
      {
        action: 'release.rollback',
        permission: choreoReleaseRollbackPermission,
        doWhat: `roll back ${label(ref)} in ${input.environment}`,
        details: { ...input },
      },
      ref,
      caller,
      async (ctx, doWhat) => {
        this.requireBinding(ctx, input.environment);
        const release = this.options.store.get(
          'ComponentRelease',
          input.releaseName,
          ref.namespace,
        );
        if (
          !release ||
          release.spec.owner?.componentName !== ref.name ||
          release.spec.owner?.projectName !==
            ctx.component.spec.owner.projectName
        ) {
          throw new InputError(
            `'${input.releaseName}' is not a release of ${label(
              ref,
            )}; pick one from GET /components/${ref.namespace}/${
              ref.name
            }/releases`,
          );
        }
        const response = await this.write(
          ctx,
          input.environment,
          { releaseName: input.releaseName },
          caller,
          doWhat,
        );
        if (
          input.environment === ctx.graph.root &&
          ctx.component.spec.autoDeploy
        ) {
          response.warnings.push(
            `'${input.environment}' is the first environment and ${label(
              ref,
            )} has autoDeploy on: OpenChoreo will reset it to the latest release; turn autoDeploy off to keep the rollback`,
          );
        }
        return response;
      },
    );
  }

  /** `spec.state: Undeploy` removes the component from the environment; `Active` brings it back. */
  async setState(
    ref: ComponentRef,
    input: { environment: string; state: 'Active' | 'Undeploy' },
    caller: Caller,
  ): Promise<MutationResponse> {
    const action =
      input.state === 'Undeploy' ? 'release.undeploy' : 'release.redeploy';
    const verb = input.state === 'Undeploy' ? 'undeploy' : 'redeploy';
    return this.guarded(
      {
        action: action,
        permission: choreoReleaseManagePermission,
        doWhat: `${verb} ${label(ref)} in ${input.environment}`,
        details: { environment: input.environment },
      },
      ref,
      caller,
      async (ctx, doWhat) => {
        this.requireBinding(ctx, input.environment);
        return this.write(
          ctx,
          input.environment,
          { state: input.state },
          caller,
          doWhat,
        );
      },
    );
  }

  /** Sets `openchoreo.dev/restartedAt`, which rolls the pods. */
  async restart(
    ref: ComponentRef,
    input: { environment: string },
    caller: Caller,
  ): Promise<MutationResponse> {
    const restartedAt = new Date().toISOString();
    const details = { environment: input.environment, restartedAt };
    return this.guarded(
      {
        action: 'release.restart',
        permission: choreoReleaseManagePermission,
        doWhat: `restart ${label(ref)} in ${input.environment}`,
        details,
      },
      ref,
      caller,
      async (ctx, doWhat) => {
        const binding = this.requireBinding(ctx, input.environment);
        if (binding.spec.state === 'Undeploy') {
          throw new ConflictError(
            `${label(ref)} is undeployed from '${
              input.environment
            }'; redeploy it instead of restarting`,
          );
        }
        return this.write(
          ctx,
          input.environment,
          { annotations: { [CHOREO_ANNOTATIONS.restartedAt]: restartedAt } },
          caller,
          doWhat,
        );
      },
    );
  }

  /** Applies a binding change; used by approvals too. */
  async write(
    ctx: ComponentContext,
    environment: string,
    change: BindingChange,
    caller: Caller,
    doWhat: string,
  ): Promise<MutationResponse> {
    const writer = this.options.store.writerFor(ctx.ref.namespace);
    return applyBinding(writer, ctx, environment, change, {
      actor: actorOf(caller.credentials),
      message: doWhat.charAt(0).toUpperCase() + doWhat.slice(1),
    });
  }

  private requireBinding(ctx: ComponentContext, environment: string) {
    if (!ctx.graph.environments.includes(environment)) {
      throw new InputError(
        `Environment '${environment}' is not part of the deployment pipeline of ${label(
          ctx.ref,
        )}; use one of ${ctx.graph.environments.join(', ')}`,
      );
    }
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
   * Every mutation: audited (refusals too), authorized with the caller's
   * credentials, then run against the component as the store has it.
   */
  private guarded<T>(
    step: {
      action: string;
      permission: ChoreoPermission;
      doWhat: string;
      details: Record<string, unknown>;
    },
    ref: ComponentRef,
    caller: Caller,
    fn: (ctx: ComponentContext, doWhat: string) => Promise<T>,
  ): Promise<T> {
    const target = choreoComponentEntityRef(ref);
    return audited(
      this.options.audit,
      caller,
      { action: step.action, target, details: step.details },
      async () => {
        await this.options.authorizer.authorize(
          caller.credentials,
          step.permission,
          ref,
          step.doWhat,
        );
        return fn(this.context(ref), step.doWhat);
      },
    );
  }
}

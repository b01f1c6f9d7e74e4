import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ComponentRef,
  MutationResponse,
  PromotionRequest,
  choreoReleaseApprovePermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import { AuditLog } from '../audit/AuditLog';
import { PromotionRequestStore } from './PromotionRequestStore';
import {
  ComponentAuthorizer,
  actorOf,
} from '../permissions/ComponentAuthorizer';
import { Caller, audited } from '../audit/AuditedAction';
import { ReleaseService } from '../deployments/ReleaseService';

export interface ApprovalResult {
  request: PromotionRequest;
  mutation?: MutationResponse;
}

/** Four-eyes approval of promotion requests; the requests live in the database. */
export class ApprovalService {
  constructor(
    private readonly options: {
      requests: PromotionRequestStore;
      audit: AuditLog;
      authorizer: ComponentAuthorizer;
      releases: ReleaseService;
    },
  ) {}

  list(componentRef?: string): Promise<PromotionRequest[]> {
    return this.options.requests.list({ componentRef });
  }

  /**
   * Approves a pending request and applies the promotion. The approver must
   * hold the approve permission and must not be the requester.
   */
  async approve(
    id: string,
    caller: Caller,
    comment?: string,
  ): Promise<ApprovalResult> {
    const request = await this.load(id);
    const details: Record<string, unknown> = requestDetails(request);
    return audited(
      this.options.audit,
      caller,
      { action: 'release.approve', target: request.componentRef, details },
      async () => {
        const ref = componentOf(request);
        const what = `approve the promotion of ${ref.namespace}/${ref.name} to ${request.to}`;
        await this.options.authorizer.authorize(
          caller.credentials,
          choreoReleaseApprovePermission,
          ref,
          what,
        );
        const approver = actorOf(caller.credentials);
        if (approver === request.requestedBy) {
          throw new NotAllowedError(
            `You may not ${what}: you requested it, and a promotion into '${request.to}' needs a second person (four-eyes)`,
          );
        }
        await this.decide(request, 'approved', approver, comment);

        // The pipeline or the source may have changed since the request; the
        // approved release is what gets bound.
        try {
          const mutation = await this.options.releases.write(
            this.options.releases.context(ref),
            request.to,
            { releaseName: request.releaseName },
            caller,
            `Promote ${ref.namespace}/${ref.name} to ${request.to} (request ${request.id}, requested by ${request.requestedBy}, approved by ${approver})`,
          );
          await this.options.requests.transition(id, 'approved', 'applied');
          details.outcome = 'applied';
          return { request: (await this.options.requests.get(id))!, mutation };
        } catch (error) {
          await this.options.requests.transition(id, 'approved', 'failed');
          throw error;
        }
      },
    );
  }

  /** Rejects a pending request; the requester may withdraw their own. */
  async reject(
    id: string,
    caller: Caller,
    comment?: string,
  ): Promise<ApprovalResult> {
    const request = await this.load(id);
    return audited(
      this.options.audit,
      caller,
      {
        action: 'release.reject',
        target: request.componentRef,
        details: requestDetails(request),
      },
      async () => {
        const ref = componentOf(request);
        const decider = actorOf(caller.credentials);
        if (decider !== request.requestedBy) {
          await this.options.authorizer.authorize(
            caller.credentials,
            choreoReleaseApprovePermission,
            ref,
            `reject the promotion of ${ref.namespace}/${ref.name} to ${request.to}`,
          );
        }
        await this.decide(request, 'rejected', decider, comment);
        return { request: (await this.options.requests.get(id))! };
      },
    );
  }

  private async load(id: string): Promise<PromotionRequest> {
    const request = await this.options.requests.get(id);
    if (!request)
      throw new NotFoundError(`Promotion request '${id}' not found`);
    return request;
  }

  private async decide(
    request: PromotionRequest,
    to: 'approved' | 'rejected',
    by: string,
    comment?: string,
  ) {
    const moved =
      request.state === 'pending' &&
      (await this.options.requests.transition(request.id, 'pending', to, {
        by,
        comment,
      }));
    if (!moved) {
      const current = (await this.options.requests.get(request.id))?.state;
      throw new ConflictError(
        `Promotion request '${request.id}' is ${
          current ?? request.state
        }, not pending; only pending requests can be ${to}`,
      );
    }
  }
}

function requestDetails(request: PromotionRequest): Record<string, unknown> {
  return {
    requestId: request.id,
    from: request.from,
    to: request.to,
    releaseName: request.releaseName,
    requestedBy: request.requestedBy,
  };
}

function componentOf(request: PromotionRequest): ComponentRef {
  try {
    const { kind, namespace, name } = parseEntityRef(request.componentRef);
    if (kind.toLocaleLowerCase('en-US') === 'component')
      return { namespace, name };
  } catch {
    // fall through
  }
  throw new InputError(
    `Promotion request '${request.id}' has an invalid component ref`,
  );
}

import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import {
  CHOREO_RESOURCE_TYPE,
  choreoPermissions,
  openChoreoActionFor,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  AuthzDecider,
  choreoConditions,
  createChoreoConditionalDecision,
} from '@choreo-for-backstage/plugin-choreo-node';
import { CatalogReadConditions } from './catalogReadConditions';
import { subjectOf } from './subjectOf';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const choreoNames = new Set(choreoPermissions.map(p => p.name));

export interface OpenChoreoRolesPolicyOptions {
  decider: AuthzDecider;
  catalogRead: CatalogReadConditions;
  /** The entitlement claim the bindings use for groups. Default `groups`. */
  claim?: string;
}

/**
 * A permission policy that decides with OpenChoreo's own roles and
 * bindings, so the portal and the platform agree on who may do what:
 *
 * - Choreo permissions on a `choreo-resource` become a conditional decision
 *   the choreo plugin applies to the resource (`isAllowedByOpenChoreoRoles`:
 *   the OpenChoreo action the permission stands for, in that namespace,
 *   project, component and environment);
 * - Choreo permissions about no resource (the audit log, source details)
 *   are decided at the cluster: portal actions `auditlog:view` and
 *   `sourcehealth:view`, which only cluster-wide bindings grant;
 * - `catalog.entity.read`: the Choreo entities whose resources the person
 *   may view, and every other entity;
 * - everything else (other plugins, the scaffolder, which runs the choreo
 *   actions as the person) is allowed to people.
 *
 * Only people get anything: a request without a user is denied.
 */
export class OpenChoreoRolesPolicy implements PermissionPolicy {
  private readonly claim: string;

  constructor(private readonly options: OpenChoreoRolesPolicyOptions) {
    this.claim = options.claim ?? 'groups';
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return DENY;
    const { permission } = request;
    const subject = subjectOf(user.info.ownershipEntityRefs, this.claim);

    if (isResourcePermission(permission, CHOREO_RESOURCE_TYPE)) {
      return createChoreoConditionalDecision(
        permission,
        choreoConditions.isAllowedByOpenChoreoRoles({
          permission: permission.name,
          claim: subject.claim,
          values: subject.values,
        }),
      );
    }
    if (choreoNames.has(permission.name)) {
      const action = openChoreoActionFor(permission.name);
      if (!action || subject.values.length === 0) return DENY;
      const { decision } = this.options.decider.evaluate({
        subject,
        action,
        resource: { type: action.split(':')[0] },
      });
      return decision ? ALLOW : DENY;
    }
    if (
      isPermission(permission, catalogEntityReadPermission) &&
      isResourcePermission(permission, 'catalog-entity')
    ) {
      return createCatalogConditionalDecision(
        permission,
        this.options.catalogRead.for(subject),
      );
    }
    return ALLOW;
  }
}

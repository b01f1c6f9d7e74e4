import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { CHOREO_RESOURCE_TYPE } from '@choreo-for-backstage/plugin-choreo-common';
import {
  choreoConditions,
  createChoreoConditionalDecision,
} from '@choreo-for-backstage/plugin-choreo-node';
import { TestPolicy } from '@choreo-for-backstage/plugin-choreo-node/testUtils';

const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const DENY = { result: AuthorizeResult.DENY } as const;

/**
 * Each listed user may do what `grants(permission name)` says; everyone
 * else nothing. Real Backstage policies: the framework decides with them.
 */
export function grantsPolicy(
  grants: Record<string, (permission: string) => boolean>,
  others: (permission: string) => boolean = () => false,
): TestPolicy {
  return (request, user) => {
    const allow = user ? grants[user.info.userEntityRef] ?? others : others;
    return allow(request.permission.name) ? ALLOW : DENY;
  };
}

export const denyAllPolicy: TestPolicy = () => DENY;

/** Everyone may do everything except `permission` on the projects named (namespace/project). */
export function exceptInProjects(
  permission: string,
  projects: string[],
): TestPolicy {
  return request => {
    const p = request.permission;
    if (p.name !== permission) return ALLOW;
    if (!isResourcePermission(p, CHOREO_RESOURCE_TYPE)) return DENY;
    return createChoreoConditionalDecision(p, {
      not: choreoConditions.isInProject({ projects }),
    });
  };
}

import {
  AccessBinding,
  AccessOverview,
  AccessRole,
  PORTAL_ACTIONS,
  rolesGranting,
} from '@choreo-for-backstage/plugin-choreo-common';

type Mapping = AccessBinding['roleMappings'][number];

/** `groups = payments-team`: the claim and value a binding applies to. */
export const entitlementWords = (binding: AccessBinding) =>
  `${binding.entitlement.claim} = ${binding.entitlement.value}`;

/** Where a mapping applies, narrowest first: "in project payments", "everywhere". */
export function scopeWords(scope: Mapping['scope']): string {
  let words = 'everywhere';
  if (scope.component && scope.project) {
    words = `in component ${scope.component} of project ${scope.project}`;
  } else if (scope.project) words = `in project ${scope.project}`;
  else if (scope.namespace) words = `in namespace ${scope.namespace}`;
  return scope.resource ? `${words}, resource ${scope.resource}` : words;
}

/** "groups = payments-team → developer in project payments (allow)". */
export function mappingWords(binding: AccessBinding, mapping: Mapping): string {
  return `${entitlementWords(binding)} → ${mapping.role.name} ${scopeWords(
    mapping.scope,
  )} (${binding.effect})`;
}

/** `acme/developer`, or the name alone for cluster-wide ones. */
export const placeOf = (o: { namespace?: string; name: string }) =>
  o.namespace ? `${o.namespace}/${o.name}` : o.name;

const sameRole = (
  binding: AccessBinding,
  mapping: Mapping,
  role: AccessRole,
): boolean =>
  mapping.role.kind === role.kind &&
  mapping.role.name === role.name &&
  // a namespaced role is the one in the binding's own namespace
  (role.kind === 'ClusterAuthzRole' || role.namespace === binding.namespace);

/**
 * Who may approve changes that wait for a second person: the roles that
 * grant releasebinding:approve, and who holds them through allow bindings.
 */
export function approversOf(access: AccessOverview): {
  roles: string[];
  holders: string[];
} {
  const roles = rolesGranting(access, PORTAL_ACTIONS.approve);
  const holders = access.bindings
    .filter(b => b.effect === 'allow')
    .filter(b => b.roleMappings.some(m => roles.some(r => sameRole(b, m, r))))
    .map(entitlementWords);
  return {
    roles: [...new Set(roles.map(r => r.name))],
    holders: [...new Set(holders)],
  };
}

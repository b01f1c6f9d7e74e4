import {
  AccessOverview,
  ActionFacts,
  ChoreoResourceScope,
  openChoreoActionFor,
  rolesGranting,
} from '@choreo-for-backstage/plugin-choreo-common';

/** "a", "a or b", "a, b or c". */
export function orList(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Up to three role names that grant `action` in the namespace, cluster roles first. */
export function roleNamesGranting(
  access: AccessOverview,
  action: string,
  namespace?: string,
): string[] {
  const names = rolesGranting(access, action, namespace).map(r => r.name);
  return [...new Set(names)].slice(0, 3);
}

/** "it needs an OpenChoreo role granting X there, such as developer or admin". */
export function roleNeeded(
  action: string,
  where: string,
  namespace: string | undefined,
  access: AccessOverview | undefined,
): string {
  const needs = `it needs an OpenChoreo role granting ${action}${where}`;
  // without /access (it failed or is still loading) only the action is known
  if (!access) return needs;
  const roles = roleNamesGranting(access, action, namespace);
  return roles.length
    ? `${needs}, such as ${orList(roles)}`
    : `${needs}; no role grants it yet, ask a platform engineer`;
}

/**
 * Why a button is disabled: what the user may not do, the OpenChoreo
 * action it stands for, and the roles that grant it, e.g. "You may not roll
 * back in production: it needs an OpenChoreo role granting
 * releasebinding:update there, such as developer or admin".
 */
export function deniedReason(o: {
  /** A verb phrase naming the place: "roll back in production". */
  what: string;
  permissionName: string;
  scope?: ChoreoResourceScope;
  facts?: ActionFacts;
  access?: AccessOverview;
}): string {
  const { scope } = o;
  if (!scope) {
    return `You may not ${o.what}: the catalog entity does not say which project it belongs to`;
  }
  const action = openChoreoActionFor(o.permissionName, scope, o.facts);
  if (!action) return `You may not ${o.what}`;
  let where = ` in namespace ${scope.namespace}`;
  if (scope.environment) where = ' there';
  else if (scope.project) where = ` in project ${scope.project}`;
  return `You may not ${o.what}: ${roleNeeded(
    action,
    where,
    scope.namespace,
    o.access,
  )}`;
}

import { AccessOverview, AccessRole } from '../api/access';

/** Whether a role's action entry covers `action`: exact, `<resource>:*` or `*`. */
export function roleActionCovers(entry: string, action: string): boolean {
  if (entry === '*' || entry === action) return true;
  return (
    entry.endsWith(':*') &&
    action.length > entry.length - 1 &&
    action.startsWith(entry.slice(0, -1))
  );
}

/**
 * The roles that grant `action` (directly, by wildcard, or through another
 * role they name), for a hint such as "a role like developer or admin would
 * allow it". Cluster roles first, then by name.
 */
export function rolesGranting(
  access: AccessOverview,
  action: string,
  namespace?: string,
): AccessRole[] {
  const inScope = access.roles.filter(
    r =>
      r.kind === 'ClusterAuthzRole' || !namespace || r.namespace === namespace,
  );
  const byName = new Map(inScope.map(r => [r.name, r]));
  const grants = (role: AccessRole, seen: Set<string>): boolean =>
    role.actions.some(entry => {
      if (roleActionCovers(entry, action)) return true;
      const inherited = byName.get(entry);
      if (!inherited || seen.has(entry)) return false;
      seen.add(entry);
      return grants(inherited, seen);
    });
  return inScope
    .filter(role => grants(role, new Set([role.name])))
    .sort(
      (a, b) =>
        Number(a.kind !== 'ClusterAuthzRole') -
          Number(b.kind !== 'ClusterAuthzRole') || a.name.localeCompare(b.name),
    );
}

import { parseEntityRef } from '@backstage/catalog-model';
import { AuthzSubject } from '@choreo-for-backstage/plugin-choreo-node';

/**
 * A signed-in person as OpenChoreo's bindings see them: the names of the
 * groups among their ownership refs are the values of the entitlement
 * claim (`groups` unless configured otherwise). With OpenID Connect the
 * sign-in resolver puts the IdP's groups there; with catalog sign-in,
 * the user's memberships.
 */
export function subjectOf(
  ownershipEntityRefs: readonly string[],
  claim: string,
): AuthzSubject {
  const values = new Set<string>();
  for (const ref of ownershipEntityRefs) {
    try {
      const { kind, name } = parseEntityRef(ref);
      if (kind.toLocaleLowerCase('en-US') === 'group') values.add(name);
    } catch {
      // not an entity ref: no group
    }
  }
  return { claim, values: [...values].sort() };
}

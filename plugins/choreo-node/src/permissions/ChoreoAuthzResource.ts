import { ChoreoResourceScope } from '@choreo-for-backstage/plugin-choreo-common';

/** An entitlement as OpenChoreo matches it: one claim and its values (e.g. `groups`). */
export interface AuthzSubject {
  claim: string;
  values: string[];
}

/**
 * What a permission on a `choreo-resource` is decided about: the scope of a
 * resource ref, resolved against the store. Rules read only this, so a
 * decision is as fresh as the store.
 */
export interface ChoreoAuthzResource {
  /** The resource ref it was resolved from. */
  ref: string;
  scope: ChoreoResourceScope;
  /** The environment of the scope, when the scope has one. */
  environment?: {
    name: string;
    /** False when no source has this Environment: then it counts as production and needs approval. */
    known: boolean;
    isProduction: boolean;
    /** Changes here wait for someone else's approval (the four-eyes gate). */
    requiresApproval: boolean;
  };
  /** For a component in an environment: whether that environment has its ReleaseBinding yet. */
  bindingExists?: boolean;
  /** The owner named for the resource (entity ref), as the catalog shows it; none when unnamed. */
  owner?: string;
  /**
   * Whether OpenChoreo's roles and bindings (AuthzRole, ClusterAuthzRole and
   * their bindings in the store) let `subject` do `action` on this resource,
   * deciding as openchoreo-api does.
   */
  allowedByRoles(subject: AuthzSubject, action: string): boolean;
}

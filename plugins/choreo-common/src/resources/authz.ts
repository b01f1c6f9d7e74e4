import { ChoreoObject } from './meta';

// OpenChoreo's own access control (openchoreo.dev/v1alpha1, since v0.14):
// roles are sets of actions; bindings map one JWT claim value to roles at a
// scope, with an effect and optional CEL conditions. openchoreo-api enforces
// them; the portal reads the same objects and decides the same way.

/** A named set of actions such as `component:create` or `releasebinding:*`. */
export interface AuthzRoleSpec {
  /** Exact actions, `<resource>:*`, `*`, or the name of another role (inherits its actions). */
  actions: string[];
  description?: string;
}

export type AuthzRole = ChoreoObject<'AuthzRole', AuthzRoleSpec>;
export type ClusterAuthzRole = ChoreoObject<'ClusterAuthzRole', AuthzRoleSpec>;

/** The JWT claim and value a binding applies to, e.g. `groups` = `payments-devs`. */
export interface EntitlementClaim {
  claim: string;
  value: string;
}

export type AuthzEffect = 'allow' | 'deny';

/** A CEL expression over `resource.<attribute>` that limits a mapping for some actions. */
export interface AuthzCondition {
  actions: string[];
  expression: string;
}

export interface AuthzRoleRef {
  kind: 'AuthzRole' | 'ClusterAuthzRole';
  name: string;
}

/** Where a namespaced binding applies inside its own namespace; omitted = everywhere. */
export interface AuthzTargetScope {
  project?: string;
  component?: string;
  resource?: string;
}

export interface AuthzRoleMapping<Scope = AuthzTargetScope> {
  roleRef: AuthzRoleRef;
  scope?: Scope;
  conditions?: AuthzCondition[];
}

export interface AuthzRoleBindingSpec<Scope = AuthzTargetScope> {
  entitlement: EntitlementClaim;
  roleMappings: AuthzRoleMapping<Scope>[];
  /** CRD default `allow`. */
  effect?: AuthzEffect;
}

export type AuthzRoleBinding = ChoreoObject<
  'AuthzRoleBinding',
  AuthzRoleBindingSpec
>;

/** A cluster binding's scope also names the namespace; omitted = the whole cluster. */
export interface AuthzClusterTargetScope extends AuthzTargetScope {
  namespace?: string;
}

export type ClusterAuthzRoleBinding = ChoreoObject<
  'ClusterAuthzRoleBinding',
  AuthzRoleBindingSpec<AuthzClusterTargetScope>
>;

/** The kinds OpenChoreo decides access from: a change to one changes decisions. */
export const AUTHZ_KINDS: ReadonlySet<string> = new Set([
  'AuthzRole',
  'ClusterAuthzRole',
  'AuthzRoleBinding',
  'ClusterAuthzRoleBinding',
]);

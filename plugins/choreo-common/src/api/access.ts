import {
  AuthzClusterTargetScope,
  AuthzCondition,
  AuthzEffect,
  AuthzRoleRef,
  EntitlementClaim,
} from '../resources';

/** An OpenChoreo role: a named set of actions. */
export interface AccessRole {
  kind: 'AuthzRole' | 'ClusterAuthzRole';
  /** Absent for cluster roles. */
  namespace?: string;
  name: string;
  description?: string;
  actions: string[];
}

/** Who a binding applies to, and which roles it gives them where. */
export interface AccessBinding {
  kind: 'AuthzRoleBinding' | 'ClusterAuthzRoleBinding';
  /** Absent for cluster bindings; a namespaced binding applies inside its namespace only. */
  namespace?: string;
  name: string;
  entitlement: EntitlementClaim;
  effect: AuthzEffect;
  roleMappings: Array<{
    role: AuthzRoleRef;
    /** Where inside the cluster (or the binding's namespace); empty = everywhere. */
    scope: AuthzClusterTargetScope;
    conditions: AuthzCondition[];
  }>;
}

/** `GET /access`: OpenChoreo's roles and bindings, as the portal decides with them. */
export interface AccessOverview {
  roles: AccessRole[];
  bindings: AccessBinding[];
}

import {
  AuthzCondition,
  AuthzEffect,
  AuthzRole,
  AuthzRoleBinding,
  AuthzRoleMapping,
  AuthzClusterTargetScope,
  ClusterAuthzRole,
  ClusterAuthzRoleBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import { resourcePath } from './resourcePath';
import { CLUSTER_ROLE_DOMAIN, RoleGraph } from './roleGraph';

/** The four OpenChoreo authorization kinds, as the store holds them. */
export interface AuthzObjects {
  roles: readonly AuthzRole[];
  clusterRoles: readonly ClusterAuthzRole[];
  bindings: readonly AuthzRoleBinding[];
  clusterBindings: readonly ClusterAuthzRoleBinding[];
}

/** The binding a policy came from. */
export interface AuthzBindingRef {
  kind: 'AuthzRoleBinding' | 'ClusterAuthzRoleBinding';
  name: string;
  /** For AuthzRoleBinding. */
  namespace?: string;
}

/** One role mapping of one binding, compiled: OpenChoreo's policy tuple. */
export interface AuthzPolicy {
  /** `claim:value` of the binding's entitlement. */
  subject: string;
  /** Where it applies (see resourcePath). */
  path: string;
  role: string;
  /** `*` for ClusterAuthzRoles, else the binding's namespace. */
  roleDomain: string;
  effect: AuthzEffect;
  /** Empty when the mapping has none. */
  conditions: readonly AuthzCondition[];
  binding: AuthzBindingRef;
}

/** An object OpenChoreo's watcher would reject, so it grants and denies nothing. */
export interface SkippedAuthzObject {
  kind: string;
  name: string;
  namespace?: string;
  reason: string;
}

/** Everything a decision needs, built once per change of the objects. */
export interface CompiledAuthzPolicies {
  /** Policies by subject string (`claim:value`). */
  bySubject: ReadonlyMap<string, readonly AuthzPolicy[]>;
  roles: RoleGraph;
  skipped: readonly SkippedAuthzObject[];
}

/**
 * Turns roles and bindings into policies and role links as openchoreo-api's
 * informer handlers do: a namespaced binding applies in its own namespace
 * (its path starts with `ns/<namespace>`) and uses AuthzRoles of that
 * namespace or ClusterAuthzRoles; a cluster binding applies at the scope it
 * names (the whole cluster without one) and always looks its role up among
 * ClusterAuthzRoles, whatever the roleRef kind says. Identical tuples count once.
 */
export function compileAuthzPolicies(
  objects: AuthzObjects,
): CompiledAuthzPolicies {
  const roles = new RoleGraph();
  const skipped: SkippedAuthzObject[] = [];

  for (const role of objects.clusterRoles) {
    for (const action of role.spec?.actions ?? []) {
      roles.addAction(role.metadata.name, action, CLUSTER_ROLE_DOMAIN);
    }
  }
  for (const role of objects.roles) {
    const namespace = role.metadata.namespace;
    if (!namespace) {
      skipped.push(skip(role, 'an AuthzRole needs a namespace'));
      continue;
    }
    for (const action of role.spec?.actions ?? []) {
      roles.addAction(role.metadata.name, action, namespace);
    }
  }

  const bySubject = new Map<string, AuthzPolicy[]>();
  const seen = new Set<string>();
  const add = (policy: AuthzPolicy) => {
    const key = tupleKey(policy);
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    const list = bySubject.get(policy.subject);
    if (list) {
      list.push(policy);
    } else {
      bySubject.set(policy.subject, [policy]);
    }
  };

  for (const binding of objects.bindings) {
    const namespace = binding.metadata.namespace;
    if (!namespace) {
      skipped.push(skip(binding, 'an AuthzRoleBinding needs a namespace'));
      continue;
    }
    const head = bindingHead(binding);
    if (typeof head === 'string') {
      skipped.push(skip(binding, head));
      continue;
    }
    const ref: AuthzBindingRef = {
      kind: 'AuthzRoleBinding',
      name: binding.metadata.name,
      namespace,
    };
    for (const mapping of binding.spec.roleMappings ?? []) {
      add({
        ...head,
        ...mappingParts(mapping),
        // The binding's own namespace is the scope's namespace; a
        // scope.namespace field, if present, is not part of this kind.
        path: resourcePath({ ...mapping.scope, namespace }),
        roleDomain:
          mapping.roleRef?.kind === 'ClusterAuthzRole'
            ? CLUSTER_ROLE_DOMAIN
            : namespace,
        binding: ref,
      });
    }
  }

  for (const binding of objects.clusterBindings) {
    const head = bindingHead(binding);
    if (typeof head === 'string') {
      skipped.push(skip(binding, head));
      continue;
    }
    const ref: AuthzBindingRef = {
      kind: 'ClusterAuthzRoleBinding',
      name: binding.metadata.name,
    };
    for (const mapping of binding.spec.roleMappings ?? []) {
      const scope: AuthzClusterTargetScope = mapping.scope ?? {};
      add({
        ...head,
        ...mappingParts(mapping),
        path: resourcePath(scope),
        roleDomain: CLUSTER_ROLE_DOMAIN,
        binding: ref,
      });
    }
  }

  return { bySubject, roles, skipped };
}

/** Subject and effect of a binding, or why OpenChoreo's watcher ignores it. */
function bindingHead(
  binding: AuthzRoleBinding | ClusterAuthzRoleBinding,
): { subject: string; effect: AuthzEffect } | string {
  const claim = binding.spec?.entitlement?.claim ?? '';
  const value = binding.spec?.entitlement?.value ?? '';
  if (claim === '' || value === '') {
    return 'its entitlement claim and value must not be empty';
  }
  // An absent effect is the CRD default; an empty one never reaches a
  // cluster (the enum rejects it), and the watcher would skip it.
  const effect: unknown = binding.spec.effect ?? 'allow';
  if (effect !== 'allow' && effect !== 'deny') {
    return `effect '${String(effect)}' is neither allow nor deny`;
  }
  return { subject: `${claim}:${value}`, effect };
}

function mappingParts(
  mapping: AuthzRoleMapping<unknown>,
): Pick<AuthzPolicy, 'role' | 'conditions'> {
  return {
    role: mapping.roleRef?.name ?? '',
    conditions: mapping.conditions ?? [],
  };
}

function tupleKey(policy: AuthzPolicy): string {
  return JSON.stringify([
    policy.subject,
    policy.path,
    policy.role,
    policy.roleDomain,
    policy.effect,
    policy.conditions.map(c => [c.actions, c.expression]),
    policy.binding.name,
  ]);
}

function skip(
  object: { kind: string; metadata: { name: string; namespace?: string } },
  reason: string,
): SkippedAuthzObject {
  return {
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace
      ? { namespace: object.metadata.namespace }
      : {}),
    reason,
  };
}

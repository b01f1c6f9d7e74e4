import {
  AccessBinding,
  AccessOverview,
  AccessRole,
  AuthzRole,
  AuthzRoleBinding,
  ClusterAuthzRole,
  ClusterAuthzRoleBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

function role(r: AuthzRole | ClusterAuthzRole): AccessRole {
  return {
    kind: r.kind,
    ...(r.metadata.namespace ? { namespace: r.metadata.namespace } : {}),
    name: r.metadata.name,
    ...(r.spec.description ? { description: r.spec.description } : {}),
    actions: [...(r.spec.actions ?? [])],
  };
}

function binding(b: AuthzRoleBinding | ClusterAuthzRoleBinding): AccessBinding {
  return {
    kind: b.kind,
    ...(b.metadata.namespace ? { namespace: b.metadata.namespace } : {}),
    name: b.metadata.name,
    entitlement: { ...b.spec.entitlement },
    effect: b.spec.effect ?? 'allow',
    roleMappings: (b.spec.roleMappings ?? []).map(m => ({
      role: { ...m.roleRef },
      // a namespaced binding applies inside its own namespace
      scope: {
        ...(b.metadata.namespace ? { namespace: b.metadata.namespace } : {}),
        ...m.scope,
      },
      conditions: (m.conditions ?? []).map(c => ({ ...c })),
    })),
  };
}

const byPlace = (
  a: { namespace?: string; name: string },
  b: { namespace?: string; name: string },
) =>
  (a.namespace ?? '').localeCompare(b.namespace ?? '') ||
  a.name.localeCompare(b.name);

/** OpenChoreo's roles and bindings as the store has them, cluster ones first. */
export function accessOverview(store: ChoreoStoreReader): AccessOverview {
  return {
    roles: [
      ...store.list('ClusterAuthzRole').map(role).sort(byPlace),
      ...store.list('AuthzRole').map(role).sort(byPlace),
    ],
    bindings: [
      ...store.list('ClusterAuthzRoleBinding').map(binding).sort(byPlace),
      ...store.list('AuthzRoleBinding').map(binding).sort(byPlace),
    ],
  };
}

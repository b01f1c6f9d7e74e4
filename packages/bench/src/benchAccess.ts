import {
  CHOREO_API_VERSION,
  ClusterAuthzRole,
  ClusterAuthzRoleBinding,
} from '@choreo-for-backstage/plugin-choreo-common';

/**
 * OpenChoreo's own access objects that let the people of `group` (the
 * `groups` claim) do everything everywhere, so a benchmark runs under the
 * real permission policy (plugins/permission-backend-module-choreo) with a
 * person every decision allows: the policy still evaluates each request.
 */
export function benchAccessResources(
  group: string,
): [ClusterAuthzRole, ClusterAuthzRoleBinding] {
  const name = 'bench-everything';
  return [
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRole',
      metadata: { name },
      spec: { actions: ['*'] },
    },
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRoleBinding',
      metadata: { name },
      spec: {
        entitlement: { claim: 'groups', value: group },
        roleMappings: [{ roleRef: { kind: 'ClusterAuthzRole', name } }],
        effect: 'allow',
      },
    },
  ];
}

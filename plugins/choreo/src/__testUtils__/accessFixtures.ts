import { AccessOverview } from '@choreo-for-backstage/plugin-choreo-common';

/**
 * OpenChoreo's roles and bindings of namespace `acme`, as `GET /access`
 * answers them: admins may do anything, developers deploy but do not
 * approve, release approvers approve, and contractors are denied.
 */
export function acmeAccess(): AccessOverview {
  return {
    roles: [
      {
        kind: 'ClusterAuthzRole',
        name: 'admin',
        description: 'Everything, everywhere',
        actions: ['*'],
      },
      {
        kind: 'ClusterAuthzRole',
        name: 'developer',
        actions: [
          'component:*',
          'workflowrun:create',
          'releasebinding:view',
          'releasebinding:create',
          'releasebinding:update',
        ],
      },
      {
        kind: 'AuthzRole',
        namespace: 'acme',
        name: 'release-approver',
        actions: ['releasebinding:view', 'releasebinding:approve'],
      },
    ],
    bindings: [
      {
        kind: 'ClusterAuthzRoleBinding',
        name: 'platform-admins',
        entitlement: { claim: 'groups', value: 'platform-team' },
        effect: 'allow',
        roleMappings: [
          {
            role: { kind: 'ClusterAuthzRole', name: 'admin' },
            scope: {},
            conditions: [],
          },
        ],
      },
      {
        kind: 'AuthzRoleBinding',
        namespace: 'acme',
        name: 'contractors',
        entitlement: { claim: 'groups', value: 'contractors' },
        effect: 'deny',
        roleMappings: [
          {
            role: { kind: 'ClusterAuthzRole', name: 'developer' },
            scope: { namespace: 'acme', project: 'payments' },
            conditions: [],
          },
        ],
      },
      {
        kind: 'AuthzRoleBinding',
        namespace: 'acme',
        name: 'release-approvers',
        entitlement: { claim: 'groups', value: 'release-managers' },
        effect: 'allow',
        roleMappings: [
          {
            role: { kind: 'AuthzRole', name: 'release-approver' },
            scope: { namespace: 'acme' },
            conditions: [],
          },
        ],
      },
      {
        kind: 'AuthzRoleBinding',
        namespace: 'acme',
        name: 'storefront-developers',
        entitlement: { claim: 'groups', value: 'storefront-team' },
        effect: 'allow',
        roleMappings: [
          {
            role: { kind: 'ClusterAuthzRole', name: 'developer' },
            scope: { namespace: 'acme', project: 'storefront' },
            conditions: [
              {
                actions: ['releasebinding:update'],
                expression: "resource.environment != 'production'",
              },
            ],
          },
        ],
      },
    ],
  };
}

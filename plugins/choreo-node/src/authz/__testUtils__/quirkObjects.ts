import {
  AuthzCondition,
  CHOREO_API_VERSION,
} from '@choreo-for-backstage/plugin-choreo-common';
import { AuthzResourceHierarchy } from '../resourcePath';
import { AuthzObject } from './randomAuthzObjects';

const clusterRole = (name: string, actions: string[]): AuthzObject => ({
  apiVersion: CHOREO_API_VERSION,
  kind: 'ClusterAuthzRole',
  metadata: { name },
  spec: { actions },
});

const role = (
  namespace: string,
  name: string,
  actions: string[],
): AuthzObject => ({
  apiVersion: CHOREO_API_VERSION,
  kind: 'AuthzRole',
  metadata: { name, namespace },
  spec: { actions },
});

const clusterBinding = (
  name: string,
  group: string,
  roleName: string,
  extra: {
    effect?: 'allow' | 'deny';
    scope?: AuthzResourceHierarchy;
    conditions?: AuthzCondition[];
  } = {},
): AuthzObject => ({
  apiVersion: CHOREO_API_VERSION,
  kind: 'ClusterAuthzRoleBinding',
  metadata: { name },
  spec: {
    entitlement: { claim: 'groups', value: group },
    ...(extra.effect ? { effect: extra.effect } : {}),
    roleMappings: [
      {
        roleRef: { kind: 'ClusterAuthzRole', name: roleName },
        ...(extra.scope ? { scope: extra.scope } : {}),
        ...(extra.conditions ? { conditions: extra.conditions } : {}),
      },
    ],
  },
});

/**
 * Roles and bindings behind the quirk cases below. Every expected decision
 * was checked against the real Go engine (OpenChoreo v1.2.3) while writing.
 */
export const QUIRK_OBJECTS: AuthzObject[] = [
  clusterRole('admin', ['*']),
  clusterRole('viewer', ['component:view', 'project:view']),
  clusterRole('compall', ['component:*']),
  clusterRole('inherits', ['viewer']),
  clusterRole('chain1', ['chain2']),
  clusterRole('chain2', ['chain3']),
  clusterRole('chain3', ['secret:view']),
  clusterRole('rb', ['releasebinding:*', 'component:*', 'workflowrun:*']),
  role('acme', 'dev', ['component:*', 'project:view']),
  role('other', 'dev', ['namespace:delete']),
  role('acme', 'viewer', ['trait:view']),
  clusterBinding('admins', 'admins', 'admin'),
  clusterBinding('deny-admins-prod', 'admins', 'compall', {
    effect: 'deny',
    scope: { namespace: 'acme', project: 'prod' },
  }),
  clusterBinding('blocked', 'blocked', 'admin', { effect: 'deny' }),
  {
    apiVersion: CHOREO_API_VERSION,
    kind: 'AuthzRoleBinding',
    metadata: { name: 'devs', namespace: 'acme' },
    spec: {
      entitlement: { claim: 'groups', value: 'devs' },
      roleMappings: [
        {
          roleRef: { kind: 'AuthzRole', name: 'dev' },
          scope: { project: 'crm' },
        },
        { roleRef: { kind: 'ClusterAuthzRole', name: 'viewer' } },
        { roleRef: { kind: 'AuthzRole', name: 'viewer' } },
        { roleRef: { kind: 'AuthzRole', name: 'missing' } },
      ],
    },
  },
  clusterBinding('inh', 'inh', 'inherits'),
  clusterBinding('chain', 'chain', 'chain1'),
  clusterBinding('colon', 'team:a', 'viewer'),
  clusterBinding('cond', 'cond', 'rb', {
    scope: { namespace: 'acme' },
    conditions: [
      {
        actions: ['releasebinding:create', 'releasebinding:update'],
        expression: 'resource.environment in ["acme/dev"]',
      },
      {
        actions: ['releasebinding:create'],
        expression: 'resource.environment == "acme/staging"',
      },
      {
        actions: ['component:*'],
        expression: 'resource.componentType == "web"',
      },
    ],
  }),
  clusterBinding('conddeny-base', 'conddeny', 'admin'),
  clusterBinding('conddeny', 'conddeny', 'rb', {
    effect: 'deny',
    conditions: [
      {
        actions: ['releasebinding:*'],
        expression: 'resource.environment == "acme/prod"',
      },
      {
        actions: ['component:view'],
        expression: 'resource.componentType == "web"',
      },
      {
        actions: ['workflowrun:create'],
        expression:
          'resource.workflow == "" || resource.workflow.startsWith("x")',
      },
    ],
  }),
  clusterBinding('condmixed', 'condmixed', 'rb', {
    conditions: [
      { actions: ['releasebinding:create'], expression: 'true' },
      { actions: ['releasebinding:create'], expression: '"x"' },
      {
        actions: ['releasebinding:view'],
        expression: 'true || resource.workflow == "x"',
      },
      {
        actions: ['releasebinding:delete'],
        expression: 'has(resource.environment)',
      },
      {
        actions: ['workflowrun:update'],
        expression: 'resource.environment == ""',
      },
    ],
  }),
];

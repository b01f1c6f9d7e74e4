import { CHOREO_API_VERSION } from '@choreo-for-backstage/plugin-choreo-common';
import { AuthzEvaluateRequest } from '../types';
import { AuthzObject } from './randomAuthzObjects';

/**
 * One object of each kind, created after all others, and the requests that
 * only they allow: once openchoreo-api allows these, its informers have
 * delivered every earlier object of each kind (each informer keeps order).
 */
export function sentinelObjects(namespace: string): AuthzObject[] {
  const entitlement = { claim: 'groups', value: 'sentinel' };
  return [
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRole',
      metadata: { name: 'sentinel' },
      spec: { actions: ['sentinel:cluster'] },
    },
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'AuthzRole',
      metadata: { name: 'sentinel', namespace },
      spec: { actions: ['sentinel:namespace'] },
    },
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRoleBinding',
      metadata: { name: 'sentinel' },
      spec: {
        entitlement,
        roleMappings: [
          { roleRef: { kind: 'ClusterAuthzRole', name: 'sentinel' } },
        ],
      },
    },
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'AuthzRoleBinding',
      metadata: { name: 'sentinel', namespace },
      spec: {
        entitlement,
        roleMappings: [{ roleRef: { kind: 'AuthzRole', name: 'sentinel' } }],
      },
    },
  ];
}

export function sentinelRequests(namespace: string): AuthzEvaluateRequest[] {
  const subject = { type: 'user', claim: 'groups', values: ['sentinel'] };
  return [
    { subject, action: 'sentinel:cluster', resource: { type: 'sentinel' } },
    {
      subject,
      action: 'sentinel:namespace',
      resource: { type: 'sentinel', hierarchy: { namespace } },
    },
  ];
}

/**
 * Batches openchoreo-api must reject as a whole, and with which status:
 * 400 for an empty batch or an item without resource type or action (checked
 * before anything is evaluated), 500 when an entitlement that had to be
 * evaluated is empty; an empty value after an allowed one is never reached.
 */
export function errorStatusCases(): Array<{
  name: string;
  batch: AuthzEvaluateRequest[];
}> {
  const admins = { type: 'user', claim: 'groups', values: ['admins'] };
  const ok: AuthzEvaluateRequest = {
    subject: admins,
    action: 'component:view',
    resource: { type: 'component', hierarchy: { namespace: 'acme' } },
  };
  return [
    { name: 'empty batch', batch: [] },
    {
      name: 'empty resource type',
      batch: [ok, { ...ok, resource: { type: '' } }],
    },
    { name: 'empty action', batch: [{ ...ok, action: '' }] },
    {
      name: 'empty claim',
      batch: [{ ...ok, subject: { ...admins, claim: '' } }],
    },
    {
      name: 'empty value reached',
      batch: [ok, { ...ok, subject: { ...admins, values: ['nobody', ''] } }],
    },
    {
      name: 'empty value after an allowed one',
      batch: [{ ...ok, subject: { ...admins, values: ['admins', ''] } }],
    },
    {
      name: 'no values, empty claim',
      batch: [{ ...ok, subject: { type: 'user', claim: '', values: [] } }],
    },
    {
      name: '400 wins over 500',
      batch: [
        { ...ok, subject: { ...admins, claim: '' } },
        { ...ok, action: '' },
      ],
    },
  ];
}

/** The bindings and roles that could bear on a request, for a failure message. */
export function describeCase(
  objects: readonly AuthzObject[],
  request: AuthzEvaluateRequest,
): string {
  const values = new Set(request.subject.values);
  const bindings = objects.filter(
    o =>
      (o.kind === 'AuthzRoleBinding' || o.kind === 'ClusterAuthzRoleBinding') &&
      values.has(o.spec.entitlement.value),
  );
  const roleNames = new Set(
    bindings.flatMap(b =>
      b.kind === 'AuthzRoleBinding' || b.kind === 'ClusterAuthzRoleBinding'
        ? b.spec.roleMappings.map(m => m.roleRef.name)
        : [],
    ),
  );
  const roles = objects.filter(
    o =>
      (o.kind === 'AuthzRole' || o.kind === 'ClusterAuthzRole') &&
      roleNames.has(o.metadata.name),
  );
  return [...bindings, ...roles]
    .map(o =>
      JSON.stringify({
        kind: o.kind,
        name: o.metadata.name,
        namespace: o.metadata.namespace,
        spec: o.spec,
      }),
    )
    .join('\n');
}

const MATRIX_ACTIONS = [
  'releasebinding:create',
  'component:create',
  'component:view',
  'workflowrun:delete',
];
const MATRIX_CONTEXTS = [
  { resource: { environment: 'acme/dev', componentType: 'web' } },
  { resource: { environment: 'acme/prod', componentType: 'worker-svc' } },
  { resource: {} },
];

/**
 * Every expression under both effects, for actions that read an environment,
 * a component type, nothing at all, and another attribute: one binding per
 * (expression, effect) with its own group, the deny ones beside an
 * unconditional allow, and a request for each action and context.
 */
export function conditionMatrix(expressions: readonly string[]): {
  objects: AuthzObject[];
  requests: AuthzEvaluateRequest[];
} {
  const objects: AuthzObject[] = [
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRole',
      metadata: { name: 'matrix' },
      spec: { actions: ['releasebinding:*', 'component:*', 'workflowrun:*'] },
    },
  ];
  const requests: AuthzEvaluateRequest[] = [];
  expressions.forEach((expression, index) => {
    for (const effect of ['allow', 'deny'] as const) {
      const group = `matrix-${index}-${effect}`;
      const roleMappings = [
        {
          roleRef: { kind: 'ClusterAuthzRole' as const, name: 'matrix' },
          conditions: [{ actions: MATRIX_ACTIONS, expression }],
        },
      ];
      objects.push({
        apiVersion: CHOREO_API_VERSION,
        kind: 'ClusterAuthzRoleBinding',
        metadata: { name: group },
        spec: {
          entitlement: { claim: 'groups', value: group },
          effect,
          roleMappings,
        },
      });
      if (effect === 'deny') {
        objects.push({
          apiVersion: CHOREO_API_VERSION,
          kind: 'AuthzRoleBinding',
          metadata: { name: `${group}-base`, namespace: 'acme' },
          spec: {
            entitlement: { claim: 'groups', value: group },
            roleMappings: [
              { roleRef: { kind: 'ClusterAuthzRole', name: 'matrix' } },
            ],
          },
        });
      }
      for (const action of MATRIX_ACTIONS) {
        for (const context of MATRIX_CONTEXTS) {
          requests.push({
            subject: { type: 'user', claim: 'groups', values: [group] },
            action,
            resource: {
              type: action.split(':')[0],
              hierarchy: { namespace: 'acme', project: 'crm', component: 'c1' },
            },
            context,
          });
        }
      }
    }
  });
  return { objects, requests };
}

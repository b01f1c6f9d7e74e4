import { CHOREO_API_VERSION } from '@choreo-for-backstage/plugin-choreo-common';
import { compileAuthzPolicies } from './authzPolicies';
import { AuthzObject } from './__testUtils__/randomAuthzObjects';

const OC = CHOREO_API_VERSION;

function compile(objects: AuthzObject[]) {
  const of = <K extends AuthzObject['kind']>(kind: K) =>
    objects.filter(
      (o): o is Extract<AuthzObject, { kind: K }> => o.kind === kind,
    );
  return compileAuthzPolicies({
    roles: of('AuthzRole'),
    clusterRoles: of('ClusterAuthzRole'),
    bindings: of('AuthzRoleBinding'),
    clusterBindings: of('ClusterAuthzRoleBinding'),
  });
}

describe('compileAuthzPolicies', () => {
  it('scopes a namespaced binding to its own namespace and picks the role domain by roleRef kind', () => {
    const { bySubject } = compile([
      {
        apiVersion: OC,
        kind: 'AuthzRoleBinding',
        metadata: { name: 'devs', namespace: 'acme' },
        spec: {
          entitlement: { claim: 'groups', value: 'devs' },
          roleMappings: [
            {
              roleRef: { kind: 'AuthzRole', name: 'dev' },
              scope: { project: 'crm' },
            },
            {
              roleRef: { kind: 'ClusterAuthzRole', name: 'viewer' },
              scope: { project: 'crm', component: 'c1', resource: 'db' },
            },
          ],
        },
      },
    ]);
    expect(bySubject.get('groups:devs')).toEqual([
      {
        subject: 'groups:devs',
        path: 'ns/acme/project/crm',
        role: 'dev',
        roleDomain: 'acme',
        effect: 'allow',
        conditions: [],
        binding: { kind: 'AuthzRoleBinding', name: 'devs', namespace: 'acme' },
      },
      expect.objectContaining({
        // The component wins over the resource.
        path: 'ns/acme/project/crm/component/c1',
        role: 'viewer',
        roleDomain: '*',
      }),
    ]);
  });

  it('ignores a scope.namespace on a namespaced binding', () => {
    const { bySubject } = compile([
      {
        apiVersion: OC,
        kind: 'AuthzRoleBinding',
        metadata: { name: 'devs', namespace: 'acme' },
        spec: {
          entitlement: { claim: 'groups', value: 'devs' },
          roleMappings: [
            {
              roleRef: { kind: 'AuthzRole', name: 'dev' },
              scope: { namespace: 'other' } as { project?: string },
            },
          ],
        },
      },
    ]);
    expect(bySubject.get('groups:devs')?.[0].path).toBe('ns/acme');
  });

  it('applies a cluster binding at its scope (the cluster without one), always with cluster roles', () => {
    const { bySubject } = compile([
      {
        apiVersion: OC,
        kind: 'ClusterAuthzRoleBinding',
        metadata: { name: 'ops' },
        spec: {
          entitlement: { claim: 'sub', value: 'client' },
          effect: 'deny',
          roleMappings: [
            { roleRef: { kind: 'ClusterAuthzRole', name: 'admin' } },
            {
              // The CRD forbids AuthzRole here; the watcher would still use `*`.
              roleRef: { kind: 'AuthzRole', name: 'dev' },
              scope: { namespace: 'acme', project: 'crm' },
              conditions: [
                { actions: ['component:create'], expression: 'true' },
              ],
            },
          ],
        },
      },
    ]);
    expect(
      bySubject
        .get('sub:client')
        ?.map(p => [
          p.path,
          p.role,
          p.roleDomain,
          p.effect,
          p.conditions.length,
        ]),
    ).toEqual([
      ['*', 'admin', '*', 'deny', 0],
      ['ns/acme/project/crm', 'dev', '*', 'deny', 1],
    ]);
  });

  it('defaults a missing effect to allow, as the CRD does', () => {
    const { bySubject } = compile([
      {
        apiVersion: OC,
        kind: 'ClusterAuthzRoleBinding',
        metadata: { name: 'b' },
        spec: {
          entitlement: { claim: 'groups', value: 'g' },
          roleMappings: [{ roleRef: { kind: 'ClusterAuthzRole', name: 'r' } }],
        },
      },
    ]);
    expect(bySubject.get('groups:g')?.[0].effect).toBe('allow');
  });

  it('skips bindings OpenChoreo would ignore, and says why', () => {
    const binding = (
      name: string,
      claim: string,
      value: string,
      effect?: string,
    ): AuthzObject => ({
      apiVersion: OC,
      kind: 'ClusterAuthzRoleBinding',
      metadata: { name },
      spec: {
        entitlement: { claim, value },
        ...(effect !== undefined ? { effect: effect as 'allow' } : {}),
        roleMappings: [{ roleRef: { kind: 'ClusterAuthzRole', name: 'r' } }],
      },
    });
    const compiled = compile([
      binding('no-claim', '', 'g'),
      binding('no-value', 'groups', ''),
      binding('empty-effect', 'groups', 'g', ''),
      {
        apiVersion: OC,
        kind: 'AuthzRoleBinding',
        metadata: { name: 'no-namespace' },
        spec: {
          entitlement: { claim: 'groups', value: 'g' },
          roleMappings: [{ roleRef: { kind: 'AuthzRole', name: 'r' } }],
        },
      },
    ]);
    expect(compiled.bySubject.size).toBe(0);
    expect(compiled.skipped.map(s => [s.name, s.reason])).toEqual([
      ['no-namespace', 'an AuthzRoleBinding needs a namespace'],
      ['no-claim', 'its entitlement claim and value must not be empty'],
      ['no-value', 'its entitlement claim and value must not be empty'],
      ['empty-effect', "effect '' is neither allow nor deny"],
    ]);
  });

  it('keeps identical tuples once', () => {
    const mapping = {
      roleRef: { kind: 'ClusterAuthzRole' as const, name: 'r' },
    };
    const { bySubject } = compile([
      {
        apiVersion: OC,
        kind: 'ClusterAuthzRoleBinding',
        metadata: { name: 'b' },
        spec: {
          entitlement: { claim: 'groups', value: 'g' },
          roleMappings: [mapping, mapping],
        },
      },
    ]);
    expect(bySubject.get('groups:g')).toHaveLength(1);
  });

  it('puts cluster roles in domain * and namespaced roles in their namespace', () => {
    const { roles } = compile([
      {
        apiVersion: OC,
        kind: 'ClusterAuthzRole',
        metadata: { name: 'viewer' },
        spec: { actions: ['a:view'] },
      },
      {
        apiVersion: OC,
        kind: 'AuthzRole',
        metadata: { name: 'viewer', namespace: 'acme' },
        spec: { actions: ['b:view'] },
      },
    ]);
    expect(roles.actionsOf('viewer', '*')).toEqual(['a:view']);
    expect(roles.actionsOf('viewer', 'acme')).toEqual(['b:view']);
  });
});

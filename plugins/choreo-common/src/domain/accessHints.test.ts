import { AccessOverview } from '../api/access';
import { roleActionCovers, rolesGranting } from './accessHints';

const access: AccessOverview = {
  roles: [
    { kind: 'ClusterAuthzRole', name: 'admin', actions: ['*'] },
    {
      kind: 'ClusterAuthzRole',
      name: 'developer',
      actions: ['component:*', 'releasebinding:update'],
    },
    { kind: 'ClusterAuthzRole', name: 'viewer', actions: ['component:view'] },
    { kind: 'ClusterAuthzRole', name: 'lead', actions: ['developer'] },
    {
      kind: 'AuthzRole',
      namespace: 'acme',
      name: 'approver',
      actions: ['releasebinding:approve'],
    },
    {
      kind: 'AuthzRole',
      namespace: 'other',
      name: 'deployer',
      actions: ['releasebinding:*'],
    },
  ],
  bindings: [],
};

describe('rolesGranting', () => {
  it('names the roles that grant an action, by wildcard and through roles they name', () => {
    expect(
      rolesGranting(access, 'releasebinding:update', 'acme').map(r => r.name),
    ).toEqual(['admin', 'developer', 'lead']);
    expect(
      rolesGranting(access, 'releasebinding:approve', 'acme').map(r => r.name),
    ).toEqual(['admin', 'approver']);
    // a namespaced role of another namespace grants nothing here
    expect(
      rolesGranting(access, 'releasebinding:create', 'acme').map(r => r.name),
    ).toEqual(['admin']);
  });

  it('matches actions like OpenChoreo: `component:*` is not `componentrelease:view`', () => {
    expect(roleActionCovers('component:*', 'component:view')).toBe(true);
    expect(roleActionCovers('component:*', 'componentrelease:view')).toBe(
      false,
    );
    expect(roleActionCovers('*', 'anything:at-all')).toBe(true);
  });
});

import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  CHOREO_PERMISSION_NAMES,
  choreoAuditReadPermission,
  choreoComponentEntityRef,
  choreoPermissions,
  choreoPlatformManagePermission,
  choreoProjectCreatePermission,
} from './permissions';

/** Not about one entity: the audit log, creating projects and platform resources. */
const BASIC = [
  choreoAuditReadPermission,
  choreoProjectCreatePermission,
  choreoPlatformManagePermission,
].map(p => p.name);

describe('choreo permissions', () => {
  it('defines one permission per name; those on an entity are catalog-entity permissions, so catalog conditions apply', () => {
    expect(choreoPermissions.map(p => p.name).sort()).toEqual(
      Object.values(CHOREO_PERMISSION_NAMES).sort(),
    );
    for (const permission of choreoPermissions) {
      expect(isResourcePermission(permission, 'catalog-entity')).toBe(
        !BASIC.includes(permission.name),
      );
    }
  });

  it('authorizes against the component entity of the Choreo namespace', () => {
    expect(
      choreoComponentEntityRef({ namespace: 'acme', name: 'checkout-api' }),
    ).toBe('component:acme/checkout-api');
  });
});

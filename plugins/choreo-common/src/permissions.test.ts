import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  CHOREO_PERMISSION_NAMES,
  choreoComponentEntityRef,
  choreoPermissions,
} from './permissions';

describe('choreo permissions', () => {
  it('defines one catalog-entity permission per name, so catalog conditions apply', () => {
    expect(choreoPermissions.map(p => p.name).sort()).toEqual(
      Object.values(CHOREO_PERMISSION_NAMES).sort(),
    );
    for (const permission of choreoPermissions) {
      expect(isResourcePermission(permission, 'catalog-entity')).toBe(true);
    }
  });

  it('authorizes against the component entity of the Choreo namespace', () => {
    expect(
      choreoComponentEntityRef({ namespace: 'acme', name: 'checkout-api' }),
    ).toBe('component:acme/checkout-api');
  });
});

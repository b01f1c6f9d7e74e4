import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  choreoPermissions,
  choreoResourcePermissions,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  choreoPermissionResourceRef,
  choreoPermissionRules,
} from '@choreo-for-backstage/plugin-choreo-node';
import { ChoreoResourceResolver } from './ChoreoResourceResolver';

/**
 * The plugin's permissions and its `choreo-resource` type with its rules.
 * The permission backend asks the plugin to apply a policy's conditions to
 * a resource ref; the resolver loads what the rules read from the store.
 */
export function registerChoreoPermissions(
  registry: PermissionsRegistryService,
  resolver: ChoreoResourceResolver,
) {
  registry.addResourceType({
    resourceRef: choreoPermissionResourceRef,
    permissions: [...choreoResourcePermissions],
    rules: Object.values(choreoPermissionRules),
    getResources: async refs => resolver.resolveAll(refs),
  });
  const resourceNames = new Set(choreoResourcePermissions.map(p => p.name));
  registry.addPermissions(
    choreoPermissions.filter(p => !resourceNames.has(p.name)),
  );
}

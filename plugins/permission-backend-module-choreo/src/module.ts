import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  choreoStoreServiceRef,
  portalAuthzDecider,
} from '@choreo-for-backstage/plugin-choreo-node';
import { CatalogReadConditions } from './catalogReadConditions';
import { OpenChoreoRolesPolicy } from './OpenChoreoRolesPolicy';

/**
 * The permission policy of Choreo for Backstage: OpenChoreo's AuthzRoles,
 * ClusterAuthzRoles and their bindings (read from the Choreo store) decide
 * what each person may do. Install it instead of any other policy.
 */
export const permissionModuleChoreoPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'choreo-openchoreo-roles',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        store: choreoStoreServiceRef,
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
      },
      async init({ policy, store, config, lifecycle }) {
        const decider = portalAuthzDecider(store);
        lifecycle.addShutdownHook(() => decider.close());
        policy.setPolicy(
          new OpenChoreoRolesPolicy({
            decider,
            catalogRead: new CatalogReadConditions(store, decider),
            claim: config.getOptionalString('choreo.permission.claim'),
          }),
        );
      },
    });
  },
});

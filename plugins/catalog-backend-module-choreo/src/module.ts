import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { choreoStoreServiceRef } from '@choreo-for-backstage/plugin-choreo-node';
import { ChoreoEntityProvider } from './providers/ChoreoEntityProvider';

/** Brings every configured Choreo source into the catalog. */
export const catalogModuleChoreo = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'choreo',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        store: choreoStoreServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, store, config, logger, scheduler }) {
        catalog.addEntityProvider(
          ChoreoEntityProvider.fromConfig(config, { store, logger, scheduler }),
        );
      },
    });
  },
});

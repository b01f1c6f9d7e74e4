import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { choreoStoreServiceRef } from '@choreo-for-backstage/plugin-choreo-node';
import { ChoreoEntityProvider } from './providers/ChoreoEntityProvider';
import { choreoEntityDataParser } from './squatting/choreoEntityDataParser';

/**
 * Brings every configured Choreo source into the catalog, and keeps
 * registered locations from claiming the entities only it may serve.
 */
export const catalogModuleChoreo = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'choreo',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        store: choreoStoreServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, model, store, config, logger, scheduler }) {
        model.setEntityDataParser(choreoEntityDataParser(store));
        catalog.addEntityProvider(
          ChoreoEntityProvider.fromConfig(config, { store, logger, scheduler }),
        );
      },
    });
  },
});

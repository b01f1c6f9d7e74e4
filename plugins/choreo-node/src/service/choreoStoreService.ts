import {
  ServiceRef,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  ChoreoStoreService,
  DefaultChoreoStoreService,
} from './DefaultChoreoStoreService';

/** Builds the store from `choreo.sources` and stops the sources at shutdown. */
function createChoreoStoreServiceFactory(
  service: ServiceRef<ChoreoStoreService, 'root', 'singleton'>,
) {
  return createServiceFactory({
    service,
    deps: {
      config: coreServices.rootConfig,
      logger: coreServices.rootLogger,
      lifecycle: coreServices.rootLifecycle,
    },
    factory({ config, logger, lifecycle }) {
      const store = DefaultChoreoStoreService.fromConfig({ config, logger });
      lifecycle.addShutdownHook(() => store.stop());
      return store;
    },
  });
}

/**
 * The shared Choreo store of a backend process. Root-scoped so that the
 * catalog module, the scaffolder module and the choreo backend all read the
 * same snapshot and the sources are loaded and watched once.
 */
export const choreoStoreServiceRef = createServiceRef<ChoreoStoreService>({
  id: 'choreo.store',
  scope: 'root',
  defaultFactory: async service =>
    createChoreoStoreServiceFactory(
      service as ServiceRef<ChoreoStoreService, 'root', 'singleton'>,
    ),
});

/** The default factory, for backends that install it explicitly or replace it in tests. */
export const choreoStoreServiceFactory = createChoreoStoreServiceFactory(
  choreoStoreServiceRef,
);

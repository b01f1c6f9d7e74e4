import {
  ServiceRef,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { ChoreoStore } from '../store/ChoreoStore';
import { ChoreoWriter } from '../writer/types';
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

/**
 * A store service over a ChoreoStore you fill yourself instead of configured
 * sources: for tests, benchmarks and backends that feed the store their own
 * way. Without `writerFor`, writes are refused with `writeRefusal`.
 */
export function choreoStoreServiceFactoryFor(
  store: ChoreoStore,
  options: {
    writerFor?: (namespace: string) => ChoreoWriter;
    writeRefusal?: string;
  } = {},
) {
  const service: ChoreoStoreService = {
    reader: store,
    get: (kind, name, namespace) => store.get(kind, name, namespace),
    list: (kind, filter) => store.list(kind, filter),
    sourceOf: key => store.sourceOf(key),
    sources: () => store.sources(),
    subscribe: listener => store.subscribe(listener),
    writerFor:
      options.writerFor ??
      (() => {
        throw new Error(
          options.writeRefusal ?? 'this store service does not write',
        );
      }),
    ready: async () => {},
    syncSource: async name => {
      throw new NotFoundError(
        `There is no Choreo source '${name}' that follows a Git remote`,
      );
    },
  };
  return createServiceFactory({
    service: choreoStoreServiceRef,
    deps: {},
    factory: () => service,
  });
}

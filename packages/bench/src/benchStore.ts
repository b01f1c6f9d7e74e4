import { createServiceFactory } from '@backstage/backend-plugin-api';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoSourceSink,
  ChoreoStore,
  ChoreoStoreService,
  choreoStoreServiceRef,
} from '@choreo-for-backstage/plugin-choreo-node';

/** The source name the benchmarks fill; `choreo.sources[0].name` in their config. */
export const BENCH_SOURCE = 'bench';

/** A real ChoreoStore holding `resources` from one synced source. */
export function filledStore(resources: ChoreoResource[]): {
  store: ChoreoStore;
  sink: ChoreoSourceSink;
} {
  const store = new ChoreoStore();
  const sink = store.sinkFor(BENCH_SOURCE, 'directory');
  sink.replaceAll(resources);
  sink.setState('synced');
  return { store, sink };
}

/** The shared store service of a backend, backed by `store` instead of configured sources. */
export function benchStoreServiceFactory(store: ChoreoStore) {
  const service: ChoreoStoreService = {
    reader: store,
    get: (kind, name, namespace) => store.get(kind, name, namespace),
    list: (kind, filter) => store.list(kind, filter),
    sourceOf: key => store.sourceOf(key),
    sources: () => store.sources(),
    subscribe: listener => store.subscribe(listener),
    writerFor: () => {
      throw new Error('The catalog benchmark does not write to Choreo');
    },
    ready: async () => {},
  };
  return createServiceFactory({
    service: choreoStoreServiceRef,
    deps: {},
    factory: () => service,
  });
}

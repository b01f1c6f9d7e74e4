import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoSourceSink,
  ChoreoStore,
  choreoStoreServiceFactoryFor,
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
export function benchStoreServiceFactory(
  store: ChoreoStore,
  writeRefusal = 'The catalog benchmark does not write to Choreo',
) {
  return choreoStoreServiceFactoryFor(store, { writeRefusal });
}

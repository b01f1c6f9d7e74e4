import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import catalogModuleChoreo from '@choreo-for-backstage/plugin-catalog-backend-module-choreo';
import {
  CHOREO_ANNOTATIONS,
  ChoreoResource,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoSourceSink,
  ChoreoStore,
} from '@choreo-for-backstage/plugin-choreo-node';
import { BenchConfigData } from './benchConfig';
import { benchStoreServiceFactory, filledStore } from './benchStore';
import { staticEntityProviderModule } from './staticEntityProvider';
import { progress, stderrLogger } from './stderrLogger';

export type BenchBackend = Awaited<ReturnType<typeof startTestBackend>>;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const catalogBackendFeatures = (config: BenchConfigData) => [
  catalogPlugin,
  scaffolderEntityModel,
  mockServices.rootConfig.factory({ data: config }),
  createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => stderrLogger('warn'),
  }),
];

const catalogUrl = (backend: BenchBackend) =>
  `http://localhost:${backend.server.port()}/api/catalog`;

/** A backend like packages/backend's catalog part: the real catalog plugin, its database, the Choreo module. */
export async function startCatalogBackend(
  resources: ChoreoResource[],
  config: BenchConfigData,
): Promise<{
  backend: BenchBackend;
  store: ChoreoStore;
  sink: ChoreoSourceSink;
  baseUrl: string;
}> {
  const { store, sink } = filledStore(resources);
  const backend = await startTestBackend({
    features: [
      ...catalogBackendFeatures(config),
      catalogModuleChoreo,
      benchStoreServiceFactory(store),
    ],
  });
  return { backend, store, sink, baseUrl: catalogUrl(backend) };
}

/** The same catalog backend without anything of ours: a trivial provider of `entities`. */
export async function startStaticCatalogBackend(
  entities: DeferredEntity[],
  config: BenchConfigData,
): Promise<{ backend: BenchBackend; baseUrl: string }> {
  const backend = await startTestBackend({
    features: [
      ...catalogBackendFeatures(config),
      staticEntityProviderModule(entities),
    ],
  });
  return { backend, baseUrl: catalogUrl(backend) };
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (response.status === 404) {
    return undefined;
  }
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** How many entities the catalog serves (stitched, so queryable). */
export async function servedEntityCount(baseUrl: string): Promise<number> {
  const page = (await getJson(
    `${baseUrl}/entities/by-query?limit=1&fields=metadata.name`,
  )) as { totalItems: number };
  return page.totalItems;
}

/**
 * Waits until the catalog serves `expected` entities; fails when the count
 * stops growing for `stallMs` (some entities are never accepted).
 */
export async function waitForEntities(
  baseUrl: string,
  expected: number,
  stallMs = 180_000,
): Promise<void> {
  let last = -1;
  let lastChange = Date.now();
  let lastReport = 0;
  for (;;) {
    const count = await servedEntityCount(baseUrl);
    if (count >= expected) {
      return;
    }
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) {
      throw new Error(
        `The catalog serves ${count} of ${expected} entities and has not served more for ${
          stallMs / 1000
        } s; see the warnings above for entities it rejects`,
      );
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`ingest: ${count} / ${expected} entities served`);
    }
    await sleep(1000);
  }
}

/** The title the catalog serves for a component, or undefined before it is there. */
async function servedTitle(
  baseUrl: string,
  namespace: string,
  name: string,
): Promise<string | undefined> {
  const entity = (await getJson(
    `${baseUrl}/entities/by-name/component/${namespace}/${name}`,
  )) as { metadata: { title?: string } } | undefined;
  return entity?.metadata.title;
}

/**
 * Changes the display name of `components`, one after the other, and
 * measures from the store's change event until the catalog API serves the
 * new title (polled every 50 ms).
 */
export async function measureChangeLatencies(options: {
  store: ChoreoStore;
  sink: ChoreoSourceSink;
  baseUrl: string;
  namespace: string;
  components: string[];
  timeoutPerChangeMs?: number;
}): Promise<number[]> {
  const { store, sink, baseUrl, namespace } = options;
  const timeout = options.timeoutPerChangeMs ?? 120_000;
  // The store emits synchronously; the first event after a change is its event.
  const eventTimes: number[] = [];
  const unsubscribe = store.subscribe(() => {
    eventTimes.push(performance.now());
  });
  const latencies: number[] = [];
  try {
    for (const [index, name] of options.components.entries()) {
      const current = store.get('Component', name, namespace);
      if (!current) {
        throw new Error(`Component ${namespace}/${name} is not in the store`);
      }
      const title = `${name} (change ${index})`;
      const eventsBefore = eventTimes.length;
      sink.applyChanges({
        upserts: [
          {
            ...current,
            metadata: {
              ...current.metadata,
              annotations: {
                ...current.metadata.annotations,
                [CHOREO_ANNOTATIONS.displayName]: title,
              },
            },
          },
        ],
      });
      const start = eventTimes[eventsBefore] as number | undefined;
      if (start === undefined) {
        throw new Error(`The store emitted no change event for ${name}`);
      }
      while ((await servedTitle(baseUrl, namespace, name)) !== title) {
        if (performance.now() - start > timeout) {
          throw new Error(
            `The catalog did not show the change of ${name} within ${
              timeout / 1000
            } s`,
          );
        }
        await sleep(50);
      }
      latencies.push(performance.now() - start);
      if ((index + 1) % 10 === 0) {
        progress(
          `changes: ${index + 1} / ${
            options.components.length
          }, last ${latencies[index].toFixed(0)} ms`,
        );
      }
    }
  } finally {
    unsubscribe();
  }
  return latencies;
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { ChoreoEntityProvider } from '@choreo-for-backstage/plugin-catalog-backend-module-choreo';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { BENCH_SOURCE, filledStore } from './benchStore';
import { settledRssMb } from './memory';
import { progress, stderrLogger } from './stderrLogger';

export interface TranslationResult {
  /** Entities of one full sync. */
  entities: number;
  /** Duration of the provider's full sync (every root translated, handed to the catalog). */
  translateMs: number;
  /** RSS growth from the filled store to after the full sync, with the provider's state and the mutation alive. */
  translateRssMb: number;
  /** The first translation, at connect time (cold, as a delta). */
  coldTranslateMs: number;
  /** What the full sync handed the catalog. */
  emitted: DeferredEntity[];
}

/** A catalog connection that keeps the last full mutation, as the catalog holds it while writing. */
class CollectingConnection implements EntityProviderConnection {
  lastFull: DeferredEntity[] = [];
  deltas = 0;

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    if (mutation.type === 'full') {
      this.lastFull = mutation.entities;
    } else {
      this.deltas += 1;
    }
  }

  async refresh(): Promise<void> {}
}

/**
 * Translates a whole organization the way the provider's full sync does:
 * a real ChoreoStore, the real ChoreoEntityProvider, a connection that
 * only collects.
 */
export async function measureTranslation(
  resources: ChoreoResource[],
): Promise<TranslationResult> {
  const { store } = filledStore(resources);
  const provider = new ChoreoEntityProvider({
    source: BENCH_SOURCE,
    reader: store,
    logger: stderrLogger('warn'),
  });
  const connection = new CollectingConnection();
  const baselineMb = settledRssMb();

  const coldStart = performance.now();
  await provider.connect(connection);
  await provider.whenIdle();
  const coldTranslateMs = performance.now() - coldStart;
  progress(
    `connect-time translation (cold delta): ${coldTranslateMs.toFixed(0)} ms`,
  );

  const start = performance.now();
  const outcome = await provider.refresh();
  const translateMs = performance.now() - start;
  if (outcome.status !== 'applied') {
    throw new Error(`The full sync did not run: ${outcome.reason}`);
  }
  const translateRssMb = settledRssMb() - baselineMb;
  const entities = connection.lastFull.length;
  progress(
    `full sync: ${entities} entities in ${translateMs.toFixed(
      0,
    )} ms, +${translateRssMb.toFixed(0)} MB RSS`,
  );
  provider.close();
  return {
    entities,
    translateMs,
    translateRssMb,
    coldTranslateMs,
    emitted: connection.lastFull,
  };
}

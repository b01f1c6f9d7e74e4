import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ChoreoStoreReader,
  StoreChangeEvent,
} from '@choreo-for-backstage/plugin-choreo-node';
import { TranslationContext } from '../translation/context';
import { OwnerRule } from '../translation/ownership';
import { listRoots, translateRoot } from '../translation/translationRoots';
import { affectedRoots } from './affectedRoots';
import { EmissionConflict, EmittedEntities } from './EmittedEntities';
import { readChoreoCatalogConfig } from './providerConfig';
import { massRemovalRefusal } from './removalGuard';

export interface ChoreoEntityProviderOptions {
  /** The `choreo.sources[].name` this provider emits entities for. */
  source: string;
  reader: ChoreoStoreReader;
  logger: LoggerService;
  owners?: OwnerRule[];
  maxRemovalShare?: number;
  /** Runs the periodic full sync; without one, only `refresh()` does. */
  taskRunner?: SchedulerServiceTaskRunner;
  /** Resolves when the store has loaded; a full sync follows. */
  ready?: () => Promise<void>;
}

/** What one full sync did. */
export type FullSyncOutcome =
  | { status: 'applied'; entities: number; removed: number }
  | { status: 'skipped'; reason: string };

/**
 * Emits the entities of one Choreo source. Store change events become delta
 * mutations that touch only the entities of the affected translation roots;
 * a full mutation runs when the store is ready and on a schedule, as a
 * safety net. Neither removes entities while the source is failing or
 * starting, when it returns nothing, or when one run would remove more than
 * `maxRemovalShare` of what the provider emitted before.
 */
export class ChoreoEntityProvider implements EntityProvider {
  private readonly source: string;
  private readonly reader: ChoreoStoreReader;
  private readonly logger: LoggerService;
  private readonly ctx: TranslationContext;
  private readonly maxRemovalShare: number;
  private readonly taskRunner?: SchedulerServiceTaskRunner;
  private readonly ready?: () => Promise<void>;
  private readonly emitted = new EmittedEntities();
  private connection?: EntityProviderConnection;
  private unsubscribe?: () => void;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingRoots = new Set<string>();
  private flushQueued = false;

  /** One provider per configured source. */
  static fromConfig(
    config: Config,
    options: {
      store: ChoreoStoreReader & { ready?: () => Promise<void> };
      logger: LoggerService;
      scheduler: SchedulerService;
    },
  ): ChoreoEntityProvider[] {
    const settings = readChoreoCatalogConfig(config);
    return settings.sources.map(
      source =>
        new ChoreoEntityProvider({
          source,
          reader: options.store,
          logger: options.logger.child({ choreoSource: source }),
          owners: settings.owners,
          maxRemovalShare: settings.maxRemovalShare,
          taskRunner: options.scheduler.createScheduledTaskRunner(
            settings.schedule,
          ),
          ready: options.store.ready ? () => options.store.ready!() : undefined,
        }),
    );
  }

  constructor(options: ChoreoEntityProviderOptions) {
    this.source = options.source;
    this.reader = options.reader;
    this.logger = options.logger;
    this.maxRemovalShare = options.maxRemovalShare ?? 0.5;
    this.taskRunner = options.taskRunner;
    this.ready = options.ready;
    this.ctx = {
      source: options.source,
      reader: options.reader,
      owners: options.owners ?? [],
    };
  }

  getProviderName(): string {
    return `choreo-provider:${this.source}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.unsubscribe?.();
    this.unsubscribe = this.reader.subscribe(event => this.onChange(event));
    // Whatever the store already holds arrives as one delta; nothing is removed by it.
    this.queueRoots(listRoots(this.ctx));
    if (this.taskRunner) {
      await this.taskRunner.run({
        id: `${this.getProviderName()}:refresh`,
        fn: async () => {
          await this.refresh();
        },
      });
    }
    this.ready?.()
      .then(() => this.refresh())
      .catch(error =>
        this.logger.error(
          `Choreo catalog sync after start-up failed: ${stringifyError(error)}`,
        ),
      );
  }

  /** Stops following store changes. */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** A full mutation from the store's current contents (the scheduled safety net). */
  refresh(): Promise<FullSyncOutcome> {
    return this.enqueue(() => this.fullSync());
  }

  /** Resolves once every change seen so far has reached the catalog connection. */
  async whenIdle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(error =>
      this.logger.error(
        `Choreo catalog mutation failed: ${stringifyError(error)}`,
      ),
    );
    return run;
  }

  private onChange(event: StoreChangeEvent) {
    const roots = event.changes.flatMap(change =>
      affectedRoots(this.reader, change),
    );
    this.queueRoots(roots);
  }

  /** Collects roots and flushes them in one delta per burst of store events. */
  private queueRoots(roots: string[]) {
    roots.forEach(root => this.pendingRoots.add(root));
    if (this.flushQueued || this.pendingRoots.size === 0) {
      return;
    }
    this.flushQueued = true;
    this.enqueue(async () => {
      await new Promise(resolve => setImmediate(resolve));
      this.flushQueued = false;
      const batch = Array.from(this.pendingRoots);
      this.pendingRoots.clear();
      await this.applyDelta(batch);
    });
  }

  private sourceState() {
    return this.reader.sources().find(s => s.source === this.source);
  }

  /** Translates roots; a root that fails keeps what it produced before. */
  private translate(roots: string[]): Map<string, Entity[]> {
    const results = new Map<string, Entity[]>();
    for (const root of roots) {
      try {
        results.set(root, translateRoot(this.ctx, root));
      } catch (error) {
        this.logger.warn(
          `Could not translate Choreo resource ${root} into catalog entities; keeping its previous entities: ${stringifyError(
            error,
          )}`,
        );
        results.set(root, this.emitted.entitiesOf(root));
      }
    }
    return results;
  }

  private readonly onConflict = (conflict: EmissionConflict) => {
    this.logger.warn(
      `Choreo resources ${conflict.roots.join(' and ')} both map to ${
        conflict.ref
      }; the catalog shows the last one. Rename one of them.`,
    );
  };

  private async applyDelta(roots: string[]) {
    const connection = this.connection;
    if (!connection) {
      return;
    }
    const plan = this.emitted.planRoots(this.translate(roots), this.onConflict);
    let removed = plan.removed;
    const refusal = removed.length > 0 ? this.deltaRefusal(plan) : undefined;
    if (refusal) {
      this.logger.warn(
        `Choreo source '${this.source}': not removing ${removed.length} entities because ${refusal}`,
      );
      removed = [];
    }
    plan.commit({ keepRemoved: !!refusal });
    if (plan.added.length === 0 && removed.length === 0) {
      return;
    }
    const locationKey = this.getProviderName();
    await connection.applyMutation({
      type: 'delta',
      added: plan.added.map(entity => ({ entity, locationKey })),
      removed: removed.map(entityRef => ({ entityRef, locationKey })),
    });
  }

  private deltaRefusal(plan: {
    removed: string[];
    previousCount: number;
  }): string | undefined {
    const state = this.sourceState()?.state;
    if (state === 'failing' || state === 'starting') {
      return `the source is ${state}; removals wait for the next full sync after it has loaded`;
    }
    if (plan.removed.length >= plan.previousCount) {
      return 'the source would provide no entities at all';
    }
    return massRemovalRefusal(
      plan.removed.length,
      plan.previousCount,
      this.maxRemovalShare,
    );
  }

  private async fullSync(): Promise<FullSyncOutcome> {
    const connection = this.connection;
    if (!connection) {
      return { status: 'skipped', reason: 'not connected to the catalog yet' };
    }
    const skip = (reason: string, level: 'info' | 'warn' = 'warn') => {
      this.logger[level](
        `Choreo source '${this.source}': skipping the full catalog sync because ${reason}`,
      );
      return { status: 'skipped', reason } as FullSyncOutcome;
    };
    const status = this.sourceState();
    if (!status) {
      return skip('the Choreo store has no source of this name');
    }
    if (status.state === 'failing' || status.state === 'starting') {
      return skip(
        `the source is ${status.state}${
          status.message ? ` (${status.message})` : ''
        }; the catalog keeps the entities it has`,
        status.state === 'starting' ? 'info' : 'warn',
      );
    }
    const plan = this.emitted.planFull(
      this.translate(listRoots(this.ctx)),
      this.onConflict,
    );
    if (plan.added.length === 0 && plan.previousCount > 0) {
      return skip(
        'the source returned nothing; the catalog keeps the entities it has',
      );
    }
    const refusal = massRemovalRefusal(
      plan.removed.length,
      plan.previousCount,
      this.maxRemovalShare,
    );
    if (refusal) {
      return skip(refusal);
    }
    plan.commit();
    const locationKey = this.getProviderName();
    await connection.applyMutation({
      type: 'full',
      entities: plan.added.map(entity => ({ entity, locationKey })),
    });
    this.logger.info(
      `Choreo source '${this.source}': ${plan.added.length} catalog entities (${plan.removed.length} removed)`,
    );
    return {
      status: 'applied',
      entities: plan.added.length,
      removed: plan.removed.length,
    };
  }
}

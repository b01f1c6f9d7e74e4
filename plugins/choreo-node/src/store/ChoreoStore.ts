import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, stringifyError } from '@backstage/errors';
import {
  ChoreoKind,
  ChoreoResource,
  ResourceKey,
  ResourceOf,
  resourceKeyOf,
  resourceKeyString,
  resourceScope,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ResourceIndex } from './resourceIndex';
import { resourceChanged } from './resourceChanged';
import {
  ChoreoSourceSink,
  ChoreoStoreReader,
  ResourceFilter,
  SourceProblem,
  SourceState,
  SourceStatus,
  StoreChange,
  StoreChangeEvent,
} from './types';
import { problemChanges } from './sourceProblemText';

export interface ChoreoStoreOptions {
  /** Where source health, input problems and failing listeners are reported. */
  logger?: Pick<LoggerService, 'info' | 'warn' | 'error'>;
  /** Clock for `SourceStatus.since` (tests). */
  now?: () => Date;
}

interface SourceRecord {
  name: string;
  type: string;
  state: SourceState;
  since: string;
  message?: string;
  problems: SourceProblem[];
  /** Everything the source offers, including keys another source wins. */
  provided: Map<string, ChoreoResource>;
  /** Keys this source offers that an earlier-registered source provides. */
  shadowed: Set<string>;
  /** How many resources in the store come from this source. */
  count: number;
}

type Listener = (event: StoreChangeEvent) => void;

/**
 * The in-memory, indexed snapshot every reader uses. Sources fill it through
 * their sink; when two sources offer the same resource, the one registered
 * first wins and the other one is told so in its problems. Data only leaves
 * the store when its own source says so, so a failing source keeps serving
 * what it last delivered.
 */
export class ChoreoStore implements ChoreoStoreReader {
  private readonly index = new ResourceIndex();
  private readonly records = new Map<string, SourceRecord>();
  private readonly listeners = new Set<Listener>();
  private readonly logger?: ChoreoStoreOptions['logger'];
  private readonly now: () => Date;

  constructor(options: ChoreoStoreOptions = {}) {
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Registers a source (registration order is precedence order) and returns
   * the sink it fills the store through.
   */
  sinkFor(sourceName: string, type: string): ChoreoSourceSink {
    if (this.records.has(sourceName)) {
      throw new ConflictError(
        `A Choreo source named '${sourceName}' is already registered; give every source a unique name`,
      );
    }
    const record: SourceRecord = {
      name: sourceName,
      type,
      state: 'starting',
      since: this.now().toISOString(),
      problems: [],
      provided: new Map(),
      shadowed: new Set(),
      count: 0,
    };
    this.records.set(sourceName, record);
    return {
      replaceAll: resources => this.replaceAll(record, resources),
      applyChanges: changes => this.applyChanges(record, changes),
      setState: (state, message) => {
        if (state !== record.state) {
          this.logStateChange(sourceName, state, message);
          record.state = state;
          record.since = this.now().toISOString();
        }
        record.message = message;
      },
      setProblems: problems => {
        const { appeared, resolved } = problemChanges(
          record.problems,
          problems,
        );
        appeared.forEach(p => this.logger?.warn(`${sourceName}: ${p}`));
        resolved.forEach(p => this.logger?.info(`${sourceName}: fixed: ${p}`));
        record.problems = [...problems];
      },
    };
  }

  get<K extends ChoreoKind>(
    kind: K,
    name: string,
    namespace?: string,
  ): ResourceOf<K> | undefined {
    const key = resourceKeyString({ kind, name, namespace });
    return this.index.get(kind, key)?.resource as ResourceOf<K> | undefined;
  }

  list<K extends ChoreoKind>(
    kind: K,
    filter?: ResourceFilter,
  ): ResourceOf<K>[] {
    return this.index
      .list(kind, filter)
      .map(entry => entry.resource as ResourceOf<K>);
  }

  sourceOf(key: ResourceKey): string | undefined {
    return this.index.get(key.kind, resourceKeyString(key))?.source;
  }

  sources(): SourceStatus[] {
    return Array.from(this.records.values(), record => ({
      source: record.name,
      type: record.type,
      state: record.state,
      since: record.since,
      ...(record.message !== undefined ? { message: record.message } : {}),
      problems: [...record.problems, ...this.conflictProblems(record)],
      resourceCount: record.count,
    }));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private replaceAll(record: SourceRecord, resources: ChoreoResource[]) {
    const next = new Map<string, ChoreoResource>();
    for (const resource of resources) {
      next.set(resourceKeyString(resourceKeyOf(resource)), resource);
    }
    const touched: Array<[string, string]> = [];
    for (const [key, previous] of record.provided) {
      if (!next.has(key)) {
        touched.push([key, previous.kind]);
      }
    }
    for (const [key, resource] of next) {
      const previous = record.provided.get(key);
      if (!previous || resourceChanged(previous, resource)) {
        touched.push([key, resource.kind]);
      }
    }
    record.provided = next;
    this.settleAll(record.name, touched);
  }

  private applyChanges(
    record: SourceRecord,
    changes: { upserts?: ChoreoResource[]; removals?: ResourceKey[] },
  ) {
    const touched: Array<[string, string]> = [];
    for (const removal of changes.removals ?? []) {
      const key = resourceKeyString(removal);
      if (record.provided.delete(key)) {
        touched.push([key, removal.kind]);
      }
    }
    for (const resource of changes.upserts ?? []) {
      const key = resourceKeyString(resourceKeyOf(resource));
      const previous = record.provided.get(key);
      if (!previous || resourceChanged(previous, resource)) {
        record.provided.set(key, resource);
        touched.push([key, resource.kind]);
      }
    }
    this.settleAll(record.name, touched);
  }

  private settleAll(source: string, touched: Array<[string, string]>) {
    const changes: StoreChange[] = [];
    for (const [key, kind] of touched) {
      const change = this.settle(key, kind);
      if (change) {
        changes.push(change);
      }
    }
    if (changes.length > 0) {
      this.emit({ source, changes });
    }
  }

  /** Puts the winning source's version of `key` into the index. */
  private settle(key: string, kind: string): StoreChange | undefined {
    let winner: SourceRecord | undefined;
    for (const record of this.records.values()) {
      if (!record.provided.has(key)) {
        record.shadowed.delete(key);
      } else if (winner) {
        record.shadowed.add(key);
      } else {
        winner = record;
        record.shadowed.delete(key);
      }
    }
    const current = this.index.get(kind, key);
    const next = winner?.provided.get(key);
    if (!winner || !next) {
      if (!current) {
        return undefined;
      }
      this.index.remove(kind, key);
      this.countFor(current.source, -1);
      return {
        type: 'deleted',
        source: current.source,
        resource: current.resource,
      };
    }
    const entry = {
      key,
      resource: next,
      source: winner.name,
      scope: resourceScope(next),
    };
    if (!current) {
      this.index.put(entry);
      this.countFor(winner.name, 1);
      return { type: 'added', source: winner.name, resource: next };
    }
    if (
      current.source === winner.name &&
      !resourceChanged(current.resource, next)
    ) {
      return undefined;
    }
    this.index.put(entry);
    if (current.source !== winner.name) {
      this.countFor(current.source, -1);
      this.countFor(winner.name, 1);
    }
    return {
      type: 'modified',
      source: winner.name,
      resource: next,
      previous: current.resource,
    };
  }

  private countFor(source: string, delta: number) {
    const record = this.records.get(source);
    if (record) {
      record.count += delta;
    }
  }

  private conflictProblems(record: SourceRecord): SourceProblem[] {
    return Array.from(record.shadowed, key => {
      const resource = record.provided.get(key)!;
      const owner = this.index.get(resource.kind, key)?.source ?? 'unknown';
      return {
        message: `${key} is also provided by source '${owner}', which is configured first; this source's copy is ignored`,
        resource: resourceKeyOf(resource),
      };
    });
  }

  private emit(event: StoreChangeEvent) {
    for (const listener of Array.from(this.listeners)) {
      try {
        const result: unknown = listener(event);
        if (result instanceof Promise) {
          result.catch(error => this.reportListenerError(error));
        }
      } catch (error) {
        this.reportListenerError(error);
      }
    }
  }

  private logStateChange(source: string, state: SourceState, why?: string) {
    const text = `source ${source} is ${state}${why ? `: ${why}` : ''}`;
    if (state === 'failing' || state === 'stale') {
      this.logger?.warn(text);
    } else {
      this.logger?.info(text);
    }
  }

  private reportListenerError(error: unknown) {
    this.logger?.error(
      `A ChoreoStore change listener failed; the store continues: ${stringifyError(
        error,
      )}`,
    );
  }
}

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
  /**
   * Keys this source offers that are ignored: another source owns their
   * namespace, or (cluster-scoped) an earlier-registered source offers them.
   */
  shadowed: Set<string>;
  /** How many of the offered resources belong to each namespace (organisation). */
  namespaces: Map<string, number>;
  /** How many resources in the store come from this source. */
  count: number;
}

type Listener = (event: StoreChangeEvent) => void;

/** The organisation (control-plane namespace) a resource belongs to; none for other cluster-scoped kinds. */
function namespaceOf(resource: ChoreoResource): string | undefined {
  return (
    resource.metadata.namespace ??
    (resource.kind === 'Namespace' ? resource.metadata.name : undefined)
  );
}

/** A resource the store must settle again: its key, kind and namespace. */
type Touched = [key: string, kind: string, namespace: string | undefined];

/**
 * The in-memory, indexed snapshot every reader uses. Sources fill it through
 * their sink. Each namespace (an organisation) comes from one source: the
 * first registered source that offers anything in it owns it, and every
 * other source's objects in it are ignored and reported as a conflict
 * naming both, never mixed in. Cluster-scoped objects offered twice go to
 * the first registered source, the other one told so. Data only leaves the
 * store when its own source says so, so a failing source keeps serving what
 * it last delivered.
 */
export class ChoreoStore implements ChoreoStoreReader {
  private readonly index = new ResourceIndex();
  private readonly records = new Map<string, SourceRecord>();
  private readonly listeners = new Set<Listener>();
  /** The source each namespace comes from, as last settled. */
  private readonly namespaceOwners = new Map<string, string>();
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
      namespaces: new Map(),
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

  /** The source a namespace (organisation) comes from, if any offers it. */
  ownerOfNamespace(namespace: string): string | undefined {
    return this.namespaceOwners.get(namespace);
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
    const touched: Touched[] = [];
    for (const [key, previous] of record.provided) {
      if (!next.has(key)) {
        touched.push([key, previous.kind, namespaceOf(previous)]);
      }
    }
    for (const [key, resource] of next) {
      const previous = record.provided.get(key);
      if (!previous || resourceChanged(previous, resource)) {
        touched.push([key, resource.kind, namespaceOf(resource)]);
      }
    }
    record.provided = next;
    record.namespaces = new Map();
    for (const resource of next.values()) {
      this.countNamespace(record, resource, 1);
    }
    this.settleAll(record.name, touched);
  }

  private applyChanges(
    record: SourceRecord,
    changes: { upserts?: ChoreoResource[]; removals?: ResourceKey[] },
  ) {
    const touched: Touched[] = [];
    for (const removal of changes.removals ?? []) {
      const key = resourceKeyString(removal);
      const previous = record.provided.get(key);
      if (previous) {
        record.provided.delete(key);
        this.countNamespace(record, previous, -1);
        touched.push([key, removal.kind, namespaceOf(previous)]);
      }
    }
    for (const resource of changes.upserts ?? []) {
      const key = resourceKeyString(resourceKeyOf(resource));
      const previous = record.provided.get(key);
      if (!previous || resourceChanged(previous, resource)) {
        if (previous) this.countNamespace(record, previous, -1);
        record.provided.set(key, resource);
        this.countNamespace(record, resource, 1);
        touched.push([key, resource.kind, namespaceOf(resource)]);
      }
    }
    this.settleAll(record.name, touched);
  }

  private countNamespace(
    record: SourceRecord,
    resource: ChoreoResource,
    delta: number,
  ) {
    const namespace = namespaceOf(resource);
    if (namespace === undefined) return;
    const count = (record.namespaces.get(namespace) ?? 0) + delta;
    if (count > 0) record.namespaces.set(namespace, count);
    else record.namespaces.delete(namespace);
  }

  /** The first registered source that offers anything in `namespace`. */
  private ownerOf(namespace: string): SourceRecord | undefined {
    for (const record of this.records.values()) {
      if (record.namespaces.has(namespace)) return record;
    }
    return undefined;
  }

  /**
   * What must be settled: the touched keys, and every key of a namespace
   * whose owner changed (all its objects move to the new owner's copies).
   */
  private withOwnerChanges(touched: Touched[]): Touched[] {
    const changedNamespaces = new Set<string>();
    for (const [, , namespace] of touched) {
      if (namespace === undefined) continue;
      const owner = this.ownerOf(namespace)?.name;
      if (owner === this.namespaceOwners.get(namespace)) continue;
      if (owner) this.namespaceOwners.set(namespace, owner);
      else this.namespaceOwners.delete(namespace);
      changedNamespaces.add(namespace);
    }
    if (changedNamespaces.size === 0) return touched;
    const all = new Map(touched.map(t => [t[0], t]));
    for (const record of this.records.values()) {
      for (const [key, resource] of record.provided) {
        const namespace = namespaceOf(resource);
        if (namespace !== undefined && changedNamespaces.has(namespace)) {
          all.set(key, [key, resource.kind, namespace]);
        }
      }
    }
    return [...all.values()];
  }

  private settleAll(source: string, touched: Touched[]) {
    const changes: StoreChange[] = [];
    for (const [key, kind, namespace] of this.withOwnerChanges(touched)) {
      const change = this.settle(key, kind, namespace);
      if (change) {
        changes.push(change);
      }
    }
    if (changes.length > 0) {
      this.emit({ source, changes });
    }
  }

  /**
   * Puts the winning source's version of `key` into the index: the owner of
   * its namespace's, or for a cluster-scoped key the first source's.
   */
  private settle(
    key: string,
    kind: string,
    namespace: string | undefined,
  ): StoreChange | undefined {
    const owner = namespace === undefined ? undefined : this.ownerOf(namespace);
    let winner: SourceRecord | undefined;
    for (const record of this.records.values()) {
      const eligible = namespace === undefined || record === owner;
      if (!record.provided.has(key)) {
        record.shadowed.delete(key);
      } else if (winner || !eligible) {
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
    const problems: SourceProblem[] = [];
    const ignoredIn = new Map<string, number>();
    for (const key of record.shadowed) {
      const resource = record.provided.get(key)!;
      const namespace = namespaceOf(resource);
      if (namespace !== undefined) {
        ignoredIn.set(namespace, (ignoredIn.get(namespace) ?? 0) + 1);
        continue;
      }
      const owner = this.index.get(resource.kind, key)?.source ?? 'unknown';
      problems.push({
        message: `${key} is also provided by source '${owner}', which is configured first; this source's copy is ignored`,
        resource: resourceKeyOf(resource),
      });
    }
    for (const [namespace, count] of ignoredIn) {
      const owner = this.namespaceOwners.get(namespace) ?? 'unknown';
      problems.unshift({
        message: `Namespace '${namespace}' comes from source '${owner}', which is configured first; this source's ${count} ${
          count === 1 ? 'object' : 'objects'
        } in it ${
          count === 1 ? 'is' : 'are'
        } ignored. Each organisation must come from one source: remove it from one of them, or give each source its own namespaces (choreo.sources[].namespaces)`,
        resource: { kind: 'Namespace', name: namespace },
      });
    }
    return problems;
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

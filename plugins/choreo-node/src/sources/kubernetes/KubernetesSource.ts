import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CHOREO_KINDS,
  CHOREO_LABELS,
  ChoreoKindInfo,
  ChoreoResource,
  ResourceKey,
  resourceKeyOf,
  resourceKeyString,
} from '@choreo-for-backstage/plugin-choreo-common';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ChoreoSource,
  ChoreoSourceSink,
  SourceProblem,
} from '../../store/types';
import { ChangeBatch } from './changeBatch';
import { KubeHttp } from './kubeHttp';
import { collectionPath, resourceName } from './kubePaths';
import { checkObject } from './objectCheck';
import {
  KubeObject,
  ResourceWatcher,
  ResourceWatcherOptions,
} from './resourceWatcher';
import { CollectionTrouble, isOutage, sourceHealth } from './sourceHealth';

export interface KubernetesSourceOptions {
  name: string;
  kubeConfig: KubeConfig;
  /** Control-plane namespaces to watch; default: every namespace labelled `openchoreo.dev/control-plane=true`. */
  namespaces?: string[];
  logger?: LoggerService;
  /** How long changes are collected before they go to the store. Default 20 ms. */
  batchMs?: number;
  /** Tuning of the list + watch loops (tests use short backoffs). */
  watcher?: ResourceWatcherOptions;
}

/** The objects one watcher currently sees, with their problems. */
interface Collection {
  info: ChoreoKindInfo;
  watcher: ResourceWatcher;
  objects: Map<string, ChoreoResource>;
  problems: Map<string, SourceProblem>;
  listed: boolean;
}

/**
 * A live OpenChoreo control plane as a Choreo source: one list + watch per
 * kind (per namespace when `namespaces` is given, else cluster-wide, keeping
 * the namespaces labelled as control planes and following that label).
 * While the API server is away the store keeps what it had and the source
 * is `stale`; after reconnecting, each collection resumes or lists again and
 * only the differences reach the store.
 */
export class KubernetesSource implements ChoreoSource {
  readonly type = 'kubernetes';
  readonly name: string;
  readonly http: KubeHttp;
  private readonly options: KubernetesSourceOptions;
  private readonly explicitNamespaces?: ReadonlySet<string>;
  private controlPlanes = new Set<string>();
  private readonly collections: Collection[] = [];
  private readonly troubles = new Map<Collection, CollectionTrouble>();
  private readonly batch: ChangeBatch;
  private sink?: ChoreoSourceSink;
  private initialSyncDone = false;
  private stopped = false;

  constructor(options: KubernetesSourceOptions) {
    this.options = options;
    this.name = options.name;
    this.http = new KubeHttp(options.kubeConfig);
    this.batch = new ChangeBatch(
      changes => this.sink?.applyChanges(changes),
      options.batchMs ?? 20,
    );
    if (options.namespaces) {
      this.explicitNamespaces = new Set(options.namespaces);
      this.controlPlanes = new Set(options.namespaces);
    }
  }

  async start(sink: ChoreoSourceSink): Promise<void> {
    this.sink = sink;
    this.stopped = false;
    this.collections.length = 0;
    this.troubles.clear();
    for (const info of CHOREO_KINDS) {
      const namespaces =
        info.namespaced && this.explicitNamespaces
          ? [...this.explicitNamespaces]
          : [undefined];
      for (const namespace of namespaces) {
        this.collections.push(this.collectionFor(info, namespace));
      }
    }
    await Promise.all(this.collections.map(c => c.watcher.start()));
    if (this.stopped) {
      return;
    }
    this.initialSyncDone = true;
    this.batch.clear();
    this.sink.replaceAll(
      this.collections.flatMap(c =>
        [...c.objects.values()].filter(r => this.isVisible(c.info, r)),
      ),
    );
    this.report();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.batch.clear();
    await Promise.all(this.collections.map(c => c.watcher.stop()));
  }

  private collectionFor(info: ChoreoKindInfo, namespace?: string): Collection {
    const isNamespaces = info.kind === 'Namespace';
    const collection: Collection = {
      info,
      objects: new Map(),
      problems: new Map(),
      listed: false,
      watcher: undefined as unknown as ResourceWatcher,
    };
    collection.watcher = new ResourceWatcher(
      this.http,
      {
        description: namespace
          ? `${info.kind} in namespace ${namespace}`
          : info.kind,
        path: collectionPath(info, namespace),
        labelSelector:
          isNamespaces && !this.explicitNamespaces
            ? `${CHOREO_LABELS.controlPlane}=true`
            : undefined,
      },
      {
        onList: items => this.onList(collection, items),
        onEvent: (type, object) => this.onEvent(collection, type, object),
        onHealthy: () => this.onHealthy(collection),
        onTrouble: error => this.onTrouble(collection, namespace, error),
      },
      this.options.watcher,
    );
    return collection;
  }

  private onList(collection: Collection, items: KubeObject[]) {
    const previous = collection.objects;
    collection.objects = new Map();
    collection.problems.clear();
    collection.listed = true;
    for (const item of items) {
      this.put(collection, item);
    }
    for (const [key, resource] of previous) {
      if (!collection.objects.has(key)) {
        this.queue(key, resourceKeyOf(resource));
      }
    }
    if (collection.info.kind === 'Namespace') {
      this.namespacesChanged();
    }
    this.report();
  }

  private onEvent(
    collection: Collection,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ) {
    if (type === 'DELETED') {
      const checked = checkObject(collection.info, object);
      if (checked.resource) {
        const key = resourceKeyOf(checked.resource);
        const keyString = resourceKeyString(key);
        collection.objects.delete(keyString);
        collection.problems.delete(keyString);
        this.queue(keyString, key);
      }
    } else {
      this.put(collection, object);
    }
    if (collection.info.kind === 'Namespace') {
      this.namespacesChanged();
    }
    this.report();
  }

  /** Records one object of a collection and queues it for the store if it is visible. */
  private put(collection: Collection, object: KubeObject) {
    const checked = checkObject(collection.info, object);
    if (!checked.resource) {
      if (checked.problem) {
        collection.problems.set(
          `#${collection.problems.size}`,
          checked.problem,
        );
      }
      return;
    }
    const key = resourceKeyString(resourceKeyOf(checked.resource));
    collection.objects.set(key, checked.resource);
    if (checked.problem) {
      collection.problems.set(key, checked.problem);
    } else {
      collection.problems.delete(key);
    }
    if (this.isVisible(collection.info, checked.resource)) {
      this.queue(key, checked.resource);
    }
  }

  private isVisible(info: ChoreoKindInfo, resource: ChoreoResource): boolean {
    if (info.kind === 'Namespace') {
      return (
        !this.explicitNamespaces ||
        this.explicitNamespaces.has(resource.metadata.name)
      );
    }
    return (
      !info.namespaced ||
      this.controlPlanes.has(resource.metadata.namespace ?? '')
    );
  }

  /** Default mode: the labelled Namespaces decide which namespaced objects show. */
  private namespacesChanged() {
    if (this.explicitNamespaces) {
      return;
    }
    const namespaces = this.collections.find(c => c.info.kind === 'Namespace');
    const next = new Set(
      [...(namespaces?.objects.values() ?? [])].map(ns => ns.metadata.name),
    );
    const before = this.controlPlanes;
    this.controlPlanes = next;
    for (const collection of this.collections) {
      if (!collection.info.namespaced) {
        continue;
      }
      for (const [key, resource] of collection.objects) {
        const namespace = resource.metadata.namespace ?? '';
        if (next.has(namespace) && !before.has(namespace)) {
          this.queue(key, resource);
        } else if (!next.has(namespace) && before.has(namespace)) {
          this.queue(key, resourceKeyOf(resource));
        }
      }
    }
  }

  private queue(key: string, change: ChoreoResource | ResourceKey) {
    // Before the first load completes, start() hands the whole state over at once.
    if (this.initialSyncDone && !this.stopped) {
      this.batch.add(key, change);
    }
  }

  private onHealthy(collection: Collection) {
    if (this.troubles.delete(collection)) {
      this.options.logger?.info(
        `Choreo source '${this.name}' follows ${collection.watcher.target.description} again`,
      );
      this.report();
    }
  }

  private onTrouble(
    collection: Collection,
    namespace: string | undefined,
    error: Error,
  ) {
    const first = !this.troubles.has(collection);
    this.troubles.set(collection, {
      description: collection.watcher.target.description,
      resource:
        resourceName(collection.info) + (namespace ? ` in ${namespace}` : ''),
      error,
    });
    if (first) {
      const log = isOutage(error) ? 'warn' : 'info';
      this.options.logger?.[log](
        `Choreo source '${this.name}' cannot follow ${collection.watcher.target.description}: ${error.message}`,
      );
    }
    this.report();
  }

  /** Pushes state and problems to the store (after the first load). */
  private report() {
    if (!this.initialSyncDone || this.stopped || !this.sink) {
      return;
    }
    const health = sourceHealth(this.troubles.values(), {
      server: this.http.server,
      everListed: this.collections.some(c => c.listed),
    });
    this.sink.setState(health.state, health.message);
    this.sink.setProblems([
      ...health.problems,
      ...this.collections.flatMap(c => [...c.problems.values()]),
    ]);
  }
}

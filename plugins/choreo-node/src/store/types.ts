import {
  ChoreoKind,
  ChoreoResource,
  ResourceKey,
  ResourceOf,
} from '@choreo-for-backstage/plugin-choreo-common';

/**
 * Health of one source as the UI shows it.
 * - `starting`: first load not finished yet
 * - `synced`: everything the source holds is in the store
 * - `stale`: the store still serves what it last saw, but the source is not
 *   delivering changes right now (since `since`)
 * - `failing`: the source could not load at all (see `message`)
 */
export type SourceState = 'starting' | 'synced' | 'stale' | 'failing';

/** Something wrong with one input of a source that did not stop the rest from loading. */
export interface SourceProblem {
  message: string;
  /** For directory sources: the file, relative to the source's root. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  resource?: ResourceKey;
}

export interface SourceStatus {
  source: string;
  type: string;
  state: SourceState;
  /** ISO time the source entered `state`. */
  since: string;
  /** Why the source is stale or failing. */
  message?: string;
  problems: SourceProblem[];
  resourceCount: number;
}

export type StoreChangeType = 'added' | 'modified' | 'deleted';

export interface StoreChange {
  type: StoreChangeType;
  source: string;
  /** For `deleted`: the last known state. */
  resource: ChoreoResource;
  previous?: ChoreoResource;
}

export interface StoreChangeEvent {
  source: string;
  changes: StoreChange[];
}

/** Narrows `list` to one part of the hierarchy; every given field must match. */
export interface ResourceFilter {
  namespace?: string;
  project?: string;
  component?: string;
  environment?: string;
  source?: string;
}

/** Read side of the store: what the catalog provider, routes and actions use. */
export interface ChoreoStoreReader {
  get<K extends ChoreoKind>(
    kind: K,
    name: string,
    namespace?: string,
  ): ResourceOf<K> | undefined;
  list<K extends ChoreoKind>(kind: K, filter?: ResourceFilter): ResourceOf<K>[];
  /** Name of the source that provides the resource. */
  sourceOf(key: ResourceKey): string | undefined;
  /** Status of every configured source, in configuration order. */
  sources(): SourceStatus[];
  /** Called after every batch of changes; returns an unsubscribe function. */
  subscribe(listener: (event: StoreChangeEvent) => void): () => void;
}

/** What a source uses to put its resources into the store. */
export interface ChoreoSourceSink {
  /** Replace everything this source provides with `resources` (a full (re)load). */
  replaceAll(resources: ChoreoResource[]): void;
  /** Add or change some resources and remove others. */
  applyChanges(changes: {
    upserts?: ChoreoResource[];
    removals?: ResourceKey[];
  }): void;
  setState(state: SourceState, message?: string): void;
  setProblems(problems: SourceProblem[]): void;
}

/** A provider of Choreo resources: a GitOps directory, a Kubernetes control plane. */
export interface ChoreoSource {
  readonly name: string;
  readonly type: string;
  /** Starts loading and keeps the sink current until `stop`. Resolves after the first load attempt. */
  start(sink: ChoreoSourceSink): Promise<void>;
  stop(): Promise<void>;
}

import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError, NotFoundError, stringifyError } from '@backstage/errors';
import {
  ChoreoKind,
  ResourceKey,
  ResourceOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoSourceConfig, readChoreoSourcesConfig } from '../sources/config';
import { GitWorkingCopy } from '../gitops/GitWorkingCopy';
import { DirectorySource } from '../sources/directory/DirectorySource';
import { GitOpsDirectorySource } from '../sources/directory/GitOpsDirectorySource';
import { KubernetesSource } from '../sources/kubernetes/KubernetesSource';
import { kubeConfigFor } from '../sources/kubernetes/kubeConfig';
import { ChoreoStore } from '../store/ChoreoStore';
import {
  ChoreoSource,
  ChoreoStoreReader,
  ResourceFilter,
  SourceStatus,
  StoreChangeEvent,
} from '../store/types';
import { DirectoryWriter } from '../writer/directory/DirectoryWriter';
import { KubernetesWriter } from '../writer/kubernetes/KubernetesWriter';
import { ChoreoWriter } from '../writer/types';

/** One store per backend process, shared by every Choreo plugin and module. */
export interface ChoreoStoreService extends ChoreoStoreReader {
  /** The read side alone, for code that should not see the rest. */
  readonly reader: ChoreoStoreReader;
  /**
   * The writer for resources of a control-plane namespace: the one of the
   * source that holds the namespace, or for a new namespace the first
   * directory source with git commits (else the first directory source,
   * else the first kubernetes source).
   */
  writerFor(namespace: string): ChoreoWriter;
  /** Resolves once every source has attempted its first load. */
  ready(): Promise<void>;
  /**
   * Brings a source that follows a Git remote up to date now: fetches and
   * checks out the remote head (the store follows through the file watcher).
   * NotFoundError for an unknown source, InputError for one without a remote,
   * ServiceUnavailableError when the remote cannot be fetched.
   */
  syncSource(name: string): Promise<SourceSyncResult>;
}

/** What an on-demand fetch of a source found. */
export interface SourceSyncResult {
  source: string;
  /** The commit of the remote branch now checked out. */
  head: string;
  /** Whether it differs from what the source had before. */
  changed: boolean;
}

export interface ChoreoStoreServiceOptions {
  config: Config;
  logger: LoggerService;
  /** Where relative source paths start; default `process.cwd()`. */
  workingDirectory?: string;
}

interface SourceEntry {
  config: ChoreoSourceConfig;
  source?: ChoreoSource;
  writer?: ChoreoWriter;
  /** Why the source could not be built from its configuration. */
  error?: string;
}

/** Builds the sources from `choreo.sources`, starts them and serves the store. */
export class DefaultChoreoStoreService implements ChoreoStoreService {
  readonly reader: ChoreoStoreReader;
  private readonly store: ChoreoStore;
  private readonly entries: SourceEntry[];
  private readonly started: Promise<void>;

  static fromConfig(
    options: ChoreoStoreServiceOptions,
  ): DefaultChoreoStoreService {
    const configs = readChoreoSourcesConfig(options.config, {
      workingDirectory: options.workingDirectory,
    });
    return new DefaultChoreoStoreService(configs, options.logger);
  }

  constructor(configs: ChoreoSourceConfig[], logger: LoggerService) {
    this.store = new ChoreoStore({ logger });
    this.reader = this.store;
    this.entries = configs.map(config => {
      if (config.type === 'directory' && config.git.remote) {
        const sourceLogger = logger.child({ choreoSource: config.name });
        const workingCopy = new GitWorkingCopy({
          root: config.path,
          remote: config.git.remote,
          name: config.name,
          logger: sourceLogger,
        });
        const source = new GitOpsDirectorySource({
          name: config.name,
          workingCopy,
          namespaces: config.namespaces,
          logger: sourceLogger,
        });
        const writer = new DirectoryWriter({
          root: config.path,
          git: config.git,
          locator: source,
          remote: workingCopy,
        });
        return { config, source, writer };
      }
      if (config.type === 'directory') {
        const source = new DirectorySource({
          name: config.name,
          path: config.path,
          namespaces: config.namespaces,
          logger: logger.child({ choreoSource: config.name }),
        });
        const writer = new DirectoryWriter({
          root: config.path,
          git: config.git,
          locator: source,
        });
        return { config, source, writer };
      }
      try {
        const kubeConfig = kubeConfigFor(config);
        const source = new KubernetesSource({
          name: config.name,
          kubeConfig,
          namespaces: config.namespaces,
          logger: logger.child({ choreoSource: config.name }),
        });
        const writer = new KubernetesWriter({
          kubeConfig,
          impersonate: config.impersonate,
        });
        return { config, source, writer };
      } catch (error) {
        return { config, error: stringifyError(error) };
      }
    });
    this.started = Promise.all(
      this.entries.map(entry => this.startSource(entry, logger)),
    ).then(() => undefined);
  }

  private async startSource(entry: SourceEntry, logger: LoggerService) {
    const { name, type } = entry.config;
    const sink = this.store.sinkFor(name, type);
    if (!entry.source) {
      const message = entry.error
        ? `Choreo source '${name}' could not be configured: ${entry.error}`
        : `Choreo source '${name}' has type '${type}', which this version does not support yet; it is ignored`;
      logger.warn(message);
      sink.setState('failing', message);
      return;
    }
    try {
      await entry.source.start(sink);
    } catch (error) {
      const message = `Choreo source '${name}' could not start: ${stringifyError(
        error,
      )}`;
      logger.error(message);
      sink.setState('failing', message);
    }
  }

  ready(): Promise<void> {
    return this.started;
  }

  async syncSource(name: string): Promise<SourceSyncResult> {
    const entry = this.entries.find(e => e.config.name === name);
    if (!entry) {
      throw new NotFoundError(`There is no Choreo source '${name}'`);
    }
    if (!(entry.source instanceof GitOpsDirectorySource)) {
      throw new InputError(
        `Choreo source '${name}' does not follow a Git remote, so there is nothing to fetch; it picks up changes on its own`,
      );
    }
    const { head, changed } = await entry.source.sync();
    return { source: name, head, changed };
  }

  async stop(): Promise<void> {
    await this.started;
    await Promise.all(this.entries.map(entry => entry.source?.stop()));
  }

  writerFor(namespace: string): ChoreoWriter {
    if (typeof namespace !== 'string' || !namespace.trim()) {
      throw new InputError('writerFor needs the control-plane namespace name');
    }
    const holder = this.sourceOfNamespace(namespace);
    if (holder) {
      const entry = this.entries.find(e => e.config.name === holder);
      if (!entry?.writer) {
        throw new NotFoundError(
          `Namespace '${namespace}' comes from Choreo source '${holder}' (type ${entry?.config.type}), which cannot be written to yet`,
        );
      }
      return entry.writer;
    }
    const directory =
      this.entries.find(
        e => e.writer && e.config.type === 'directory' && e.config.git.commit,
      ) ??
      this.entries.find(e => e.writer && e.config.type === 'directory') ??
      this.entries.find(e => e.writer);
    if (!directory?.writer) {
      throw new NotFoundError(
        `No Choreo source can take resources of namespace '${namespace}': add a choreo.sources entry with type 'directory' (and git.commit: true for GitOps)`,
      );
    }
    return directory.writer;
  }

  /** The source of the Namespace object, else of any resource in the namespace. */
  /** The one source a namespace (organisation) comes from. */
  private sourceOfNamespace(namespace: string): string | undefined {
    return this.store.ownerOfNamespace(namespace);
  }

  get<K extends ChoreoKind>(
    kind: K,
    name: string,
    namespace?: string,
  ): ResourceOf<K> | undefined {
    return this.store.get(kind, name, namespace);
  }

  list<K extends ChoreoKind>(
    kind: K,
    filter?: ResourceFilter,
  ): ResourceOf<K>[] {
    return this.store.list(kind, filter);
  }

  sourceOf(key: ResourceKey): string | undefined {
    return this.store.sourceOf(key);
  }

  sources(): SourceStatus[] {
    return this.store.sources();
  }

  subscribe(listener: (event: StoreChangeEvent) => void): () => void {
    return this.store.subscribe(listener);
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  ChoreoResource,
  ResourceKey,
  resourceKeyOf,
  resourceKeyString,
} from '@choreo-for-backstage/plugin-choreo-common';
import { FSWatcher, watch } from 'chokidar';
import {
  ChoreoSource,
  ChoreoSourceSink,
  SourceProblem,
} from '../../store/types';
import { ManifestFiles } from './ManifestFiles';
import { ParsedResource, parseManifests } from './manifestParser';
import {
  isIgnoredPath,
  isManifestFile,
  toPosix,
  walkManifestTree,
} from './manifestTree';

export interface DirectorySourceOptions {
  name: string;
  /** The directory to read; relative paths resolve against the working directory. */
  path: string;
  /** Only load resources of these control-plane namespaces (cluster-scoped ones always load). */
  namespaces?: string[];
  /** Keep watching for changes after the first load. Default true. */
  watch?: boolean;
  /** Quiet time before a burst of file events is applied. Default 150 ms. */
  debounceMs?: number;
  /** How often to look again for a missing root directory. Default 5 s. */
  retryMs?: number;
  logger?: LoggerService;
}

/** Tells a writer which file a resource came from. */
export interface ManifestLocator {
  /** The file (relative to the root, posix) that provides the resource. */
  fileOf(key: ResourceKey): string | undefined;
}

/**
 * A directory of manifests (a GitOps repository checkout or the bundled
 * examples) as a Choreo source. Reads every YAML file below the root, then
 * follows changes with a file watcher and applies them as deltas.
 */
export class DirectorySource implements ChoreoSource, ManifestLocator {
  readonly type = 'directory';
  readonly name: string;
  readonly root: string;
  private readonly options: DirectorySourceOptions;
  private readonly namespaces?: ReadonlySet<string>;
  private readonly files = new ManifestFiles();
  private served = new Map<string, ParsedResource>();
  /** Folders the last full walk could not read. */
  private folderProblems: SourceProblem[] = [];
  private sink?: ChoreoSourceSink;
  private watcher?: FSWatcher;
  private queue: Promise<void> = Promise.resolve();
  private dirtyFiles = new Set<string>();
  private dirtyDirs = new Set<string>();
  private flushTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(options: DirectorySourceOptions) {
    this.options = options;
    this.name = options.name;
    this.root = path.resolve(options.path);
    this.namespaces = options.namespaces
      ? new Set(options.namespaces)
      : undefined;
  }

  async start(sink: ChoreoSourceSink): Promise<void> {
    this.sink = sink;
    this.stopped = false;
    await this.enqueue(() => this.load());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.flushTimer);
    clearTimeout(this.retryTimer);
    // A load in progress may be starting the watcher. Closed before its
    // 'ready', chokidar never emits it (the load would wait forever) and keeps
    // file watches open, which keeps the process alive: let it finish first.
    await this.queue;
    await this.closeWatcher();
  }

  /** Reads the whole directory again (a resync). */
  refresh(): Promise<void> {
    return this.enqueue(() => this.load());
  }

  fileOf(key: ResourceKey): string | undefined {
    return this.served.get(resourceKeyString(key))?.file;
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation).catch(error => {
      this.options.logger?.error(
        `Choreo source '${this.name}' failed to apply changes: ${stringifyError(
          error,
        )}`,
      );
    });
    this.queue = run;
    return run;
  }

  /** Full load: (re)start the watcher, walk the tree, read every file. */
  private async load(): Promise<void> {
    if (this.stopped || !(await this.checkRoot())) {
      return;
    }
    // Watch first so nothing that changes during the walk is missed.
    if (this.options.watch !== false && !this.watcher) {
      await this.startWatcher();
    }
    const tree = await walkManifestTree(this.root);
    const present = new Set(tree.files);
    for (const file of this.files.paths()) {
      if (!present.has(file)) {
        this.files.remove(file);
      }
    }
    for (const file of tree.files) {
      await this.readFile(file);
    }
    this.folderProblems = tree.problems;
    this.publish();
    this.sink?.setState('synced');
  }

  /** Applies the files and folders the watcher reported since the last flush. */
  private async flush(): Promise<void> {
    const files = this.dirtyFiles;
    const dirs = this.dirtyDirs;
    this.dirtyFiles = new Set();
    this.dirtyDirs = new Set();
    if (this.stopped || !(await this.checkRoot())) {
      return;
    }
    for (const dir of dirs) {
      this.files.paths(dir).forEach(file => files.add(file));
      (await walkManifestTree(this.root, dir)).files.forEach(file =>
        files.add(file),
      );
    }
    for (const file of files) {
      await this.readFile(file);
    }
    this.publish();
    // An event arrived, so the watcher works again after an earlier error.
    this.sink?.setState('synced');
  }

  private async readFile(file: string): Promise<void> {
    try {
      const text = await fs.readFile(path.join(this.root, file), 'utf8');
      this.files.update(file, parseManifests(text, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') {
        this.files.remove(file);
      } else {
        this.files.readFailed(
          file,
          `File could not be read (${code ?? stringifyError(error)})`,
        );
      }
    }
  }

  /** Sends what changed since the last publish to the store, as a delta. */
  private publish() {
    const snapshot = this.files.snapshot(this.namespaces);
    const upserts: ChoreoResource[] = [];
    const removals: ResourceKey[] = [];
    for (const [key, parsed] of this.served) {
      if (!snapshot.resources.has(key)) {
        removals.push(resourceKeyOf(parsed.resource));
      }
    }
    for (const [key, parsed] of snapshot.resources) {
      // Unchanged files keep their parsed objects, so identity finds what changed.
      if (this.served.get(key)?.resource !== parsed.resource) {
        upserts.push(parsed.resource);
      }
    }
    this.served = snapshot.resources;
    this.sink?.applyChanges({ upserts, removals });
    this.sink?.setProblems([...this.folderProblems, ...snapshot.problems]);
  }

  /** Whether the root can be read; if not, the source fails but keeps its data. */
  private async checkRoot(): Promise<boolean> {
    try {
      const stat = await fs.stat(this.root);
      if (!stat.isDirectory()) {
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      }
      await fs.access(this.root, fs.constants.R_OK);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const message = `Directory '${this.root}' of Choreo source '${this.name}' cannot be read (${code}). Create it or fix choreo.sources[].path in the app config (relative paths start at the backend's working directory). The last loaded resources are still served.`;
      this.sink?.setState('failing', message);
      this.options.logger?.warn(message);
      await this.closeWatcher();
      this.scheduleRetry();
      return false;
    }
  }

  private scheduleRetry() {
    if (this.stopped || this.retryTimer) {
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.enqueue(() => this.load());
    }, this.options.retryMs ?? 5000);
    this.retryTimer.unref?.();
  }

  private async startWatcher(): Promise<void> {
    const watcher = watch(this.root, {
      ignoreInitial: true,
      ignored: (file, stats) => {
        const relative = path.relative(this.root, file);
        if (!relative || relative.startsWith('..')) {
          return false;
        }
        return (
          isIgnoredPath(relative) ||
          (stats?.isFile() === true && !isManifestFile(relative))
        );
      },
    });
    watcher.on('all', (event, file) => this.onEvent(event, file));
    watcher.on('error', error => {
      const message = `Watching '${this.root}' failed: ${stringifyError(
        error,
      )}; changes are not picked up until the directory is readable again`;
      this.sink?.setState('stale', message);
      this.options.logger?.warn(message);
    });
    this.watcher = watcher;
    // An error before 'ready' (e.g. out of inotify watches) must not hang start().
    await new Promise<void>(resolve => {
      watcher.once('ready', resolve);
      watcher.once('error', () => resolve());
    });
  }

  private async closeWatcher() {
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close();
  }

  private onEvent(event: string, absolute: string) {
    if (this.stopped) {
      return;
    }
    const relative = toPosix(path.relative(this.root, absolute));
    if (event === 'addDir' || event === 'unlinkDir') {
      if (relative) {
        this.dirtyDirs.add(relative);
      } else if (event === 'unlinkDir') {
        this.dirtyDirs.add('');
      }
    } else if (isManifestFile(relative)) {
      this.dirtyFiles.add(relative);
    } else {
      return;
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.enqueue(() => this.flush());
    }, this.options.debounceMs ?? 150);
  }
}

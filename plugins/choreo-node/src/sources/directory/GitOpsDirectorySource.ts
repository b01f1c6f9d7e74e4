import { LoggerService } from '@backstage/backend-plugin-api';
import { ResourceKey } from '@choreo-for-backstage/plugin-choreo-common';
import { FollowResult, GitWorkingCopy } from '../../gitops/GitWorkingCopy';
import { GitRemoteError, notFetchedError } from '../../gitops/remoteErrors';
import { ChoreoSource, ChoreoSourceSink } from '../../store/types';
import { DirectorySource, ManifestLocator } from './DirectorySource';
import { RemoteHealthSink } from './RemoteHealthSink';

export interface GitOpsDirectorySourceOptions {
  name: string;
  /** The clone the directory source reads. */
  workingCopy: GitWorkingCopy;
  namespaces?: string[];
  /** How often to fetch; default the remote's fetchIntervalMs. */
  fetchIntervalMs?: number;
  /** Passed to the DirectorySource. */
  debounceMs?: number;
  logger?: LoggerService;
}

/**
 * A directory source whose directory is the portal's clone of a GitOps
 * remote: it clones (or repairs) the clone on start, fetches on an interval
 * and on demand, and checks the remote head out; the DirectorySource's file
 * watcher brings the changed files into the store, as for any edit.
 */
export class GitOpsDirectorySource implements ChoreoSource, ManifestLocator {
  readonly type = 'directory';
  readonly name: string;
  readonly workingCopy: GitWorkingCopy;
  private readonly directory: DirectorySource;
  private readonly intervalMs: number;
  private readonly logger?: LoggerService;
  private sink?: RemoteHealthSink;
  private directoryStarted = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failing = false;
  private stopped = false;

  constructor(options: GitOpsDirectorySourceOptions) {
    this.name = options.name;
    this.workingCopy = options.workingCopy;
    this.logger = options.logger;
    this.intervalMs =
      options.fetchIntervalMs ?? options.workingCopy.remote.fetchIntervalMs;
    this.directory = new DirectorySource({
      name: options.name,
      path: options.workingCopy.root,
      namespaces: options.namespaces,
      debounceMs: options.debounceMs,
      logger: options.logger,
    });
  }

  async start(sink: ChoreoSourceSink): Promise<void> {
    this.stopped = false;
    this.sink = new RemoteHealthSink(sink);
    await this.tick().catch(() => undefined);
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    if (this.directoryStarted) {
      await this.directory.stop();
      this.directoryStarted = false;
    }
    await this.workingCopy.dispose();
  }

  /**
   * Fetches now and checks the remote head out; the store follows through
   * the file watcher. Throws a ServiceUnavailableError that says why when
   * the remote cannot be fetched.
   */
  async sync(): Promise<FollowResult> {
    let result: FollowResult | undefined;
    await this.tick(r => {
      result = r;
    }).catch(error => {
      if (error instanceof GitRemoteError) {
        throw notFetchedError(
          error.kind,
          this.workingCopy.displayUrl,
          this.workingCopy.remote.branch,
        );
      }
      throw error;
    });
    return result!;
  }

  fileOf(key: ResourceKey): string | undefined {
    return this.directory.fileOf(key);
  }

  private schedule() {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.tick()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref?.();
  }

  /** One fetch and checkout; starts reading the directory after the first that worked. */
  private async tick(onResult?: (result: FollowResult) => void): Promise<void> {
    const run = (async () => {
      try {
        const result = await this.workingCopy.follow();
        onResult?.(result);
        this.remoteRecovered();
      } catch (error) {
        this.remoteFailed(error);
        throw error;
      }
      if (!this.directoryStarted && !this.stopped) {
        this.directoryStarted = true;
        await this.directory.start(this.sink!);
      }
    })();
    this.running = run;
    return run;
  }

  private remoteFailed(error: unknown) {
    const message = `${(error as Error).message}${
      this.directoryStarted
        ? '; the source serves what it fetched last'
        : '; nothing is loaded until the clone works'
    }`;
    if (!this.failing) {
      this.logger?.warn(message);
    }
    this.failing = true;
    this.sink?.setRemoteProblem(message);
  }

  private remoteRecovered() {
    if (this.failing) {
      this.logger?.info(`Fetching ${this.workingCopy.displayUrl} works again`);
    }
    this.failing = false;
    this.sink?.setRemoteProblem(undefined);
  }
}

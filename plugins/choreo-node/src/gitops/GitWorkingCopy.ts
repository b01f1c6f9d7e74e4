import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { GitRemoteConfig } from '../sources/gitRemoteConfig';
import { FileContent, gitCommitFiles } from '../writer/directory/gitCommit';
import {
  GitFailure,
  GitResult,
  gitSaid,
  runGit,
} from '../writer/directory/gitProcess';
import { describeDropped, droppedWork } from './droppedWork';
import { PublishSteps, PushOutcome } from './publishWithRetries';
import { RemoteCredentials } from './RemoteCredentials';
import {
  GitRemoteError,
  classifyGitFailure,
  pushRejection,
  remoteLines,
} from './remoteErrors';
import { redactText, redactUrl } from './remoteUrl';
import { SerialQueue } from './SerialQueue';
import { removeStaleLocks } from './staleLocks';

export interface GitWorkingCopyOptions {
  /** Where the clone lives (the directory source's path). */
  root: string;
  remote: GitRemoteConfig;
  /** The source's name, for log lines. */
  name: string;
  logger?: LoggerService;
}

/** What a fetch found. */
export interface FollowResult {
  /** The remote head, now checked out. */
  head: string;
  /** Whether the working copy moved to it. */
  changed: boolean;
}

/** Output of a failed remote command, credentials already blanked out. */
type RemoteGitError = GitRemoteError & { stdout: string; stderr: string };

/**
 * The portal's own clone of a GitOps remote. It only ever shows the remote
 * branch as last fetched: writes are recorded as commits beside the work
 * tree and checked out once the remote took them. Every operation runs
 * through one queue, so a fetch never moves the files under a write.
 */
export class GitWorkingCopy {
  readonly root: string;
  readonly remote: GitRemoteConfig;
  /** The remote URL as logs and messages show it. */
  readonly displayUrl: string;
  private readonly name: string;
  private readonly logger?: LoggerService;
  private readonly queue = new SerialQueue();
  private readonly credentials: RemoteCredentials;
  private readonly trackingRef: string;
  private prepared = false;

  constructor(options: GitWorkingCopyOptions) {
    this.root = path.resolve(options.root);
    this.remote = options.remote;
    this.name = options.name;
    this.logger = options.logger;
    this.displayUrl = redactUrl(options.remote.url);
    this.credentials = new RemoteCredentials(options.remote);
    this.trackingRef = `refs/remotes/origin/${options.remote.branch}`;
  }

  /** Runs `operation` alone: no fetch, checkout or other write meanwhile. */
  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    return this.queue.run(operation);
  }

  /** Fetches the remote and checks its head out (taking the queue). */
  follow(): Promise<FollowResult> {
    return this.exclusive(async () => {
      await this.prepare();
      const before = await this.localHead();
      const head = await this.fetch();
      if (before !== head) {
        await this.checkout(head);
      }
      return { head, changed: before !== head };
    });
  }

  /**
   * Makes the directory a clean clone at the remote head, once: clones into
   * a missing or empty directory; in an existing clone, drops (and logs) what
   * a crash left behind that never reached the remote. Call inside
   * `exclusive`.
   */
  async prepare(): Promise<void> {
    if (this.prepared) {
      return;
    }
    if (await this.isMissingOrEmpty()) {
      await this.clone();
    } else {
      await this.recover();
    }
    // housekeeping in the foreground, under the lock, not racing the next command
    await this.git(['config', 'gc.autoDetach', 'false']);
    await this.git(['config', 'maintenance.autoDetach', 'false']);
    this.prepared = true;
  }

  /** The steps to land one write made by `actor`; call inside `exclusive`. */
  publishSteps(actor: string): PublishSteps {
    return {
      syncToRemote: async () => {
        try {
          await this.prepare();
          const head = await this.fetch();
          if ((await this.localHead()) !== head) {
            await this.checkout(head);
          }
          return head;
        } catch (error) {
          this.logger?.warn(
            `Choreo source '${this.name}': a write could not fetch ${
              this.displayUrl
            }: ${(error as Error).message}`,
          );
          throw error;
        }
      },
      commit: (base: string, files: FileContent[], message = 'Update') =>
        gitCommitFiles({ cwd: this.root, base, files, message, actor }),
      push: sha => this.push(sha),
      landed: async sha => {
        await this.git(['update-ref', this.trackingRef, sha]);
        await this.checkout(sha);
      },
      confirm: async sha => {
        try {
          const head = await this.fetch();
          await this.checkout(head);
          return await this.git([
            'merge-base',
            '--is-ancestor',
            sha,
            head,
          ]).then(
            () => true,
            () => false,
          );
        } catch {
          return undefined;
        }
      },
      undo: () => this.resetToTracking(),
      sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    };
  }

  /** Removes the private copies of credentials. */
  dispose(): Promise<void> {
    return this.credentials.dispose();
  }

  private async push(sha: string): Promise<PushOutcome> {
    try {
      await this.remoteGit([
        'push',
        '--porcelain',
        'origin',
        `${sha}:refs/heads/${this.remote.branch}`,
      ]);
      return { pushed: true };
    } catch (error) {
      if (!(error instanceof GitRemoteError)) {
        throw error;
      }
      const { stdout = '', stderr = '' } = error as Partial<RemoteGitError>;
      const rejection = pushRejection(stdout);
      if (rejection?.kind === 'moved') {
        return { pushed: false, kind: 'moved' };
      }
      this.logger?.warn(
        `Choreo source '${this.name}': a push to ${this.displayUrl} failed: ${error.message}`,
      );
      if (rejection) {
        const said = remoteLines(stderr).join(' ');
        const reason = [rejection.reason, said].filter(Boolean).join(': ');
        return {
          pushed: false,
          kind: 'refused',
          reason: reason.length > 200 ? `${reason.slice(0, 197)}...` : reason,
        };
      }
      return { pushed: false, kind: error.kind };
    }
  }

  private async fetch(): Promise<string> {
    await this.remoteGit([
      'fetch',
      '--quiet',
      '--no-tags',
      'origin',
      `+refs/heads/${this.remote.branch}:${this.trackingRef}`,
    ]);
    return (await this.trackingHead())!;
  }

  private async clone(): Promise<void> {
    await fs.mkdir(path.dirname(this.root), { recursive: true });
    await this.remoteGit(
      [
        'clone',
        '--quiet',
        '--no-tags',
        '--single-branch',
        '--branch',
        this.remote.branch,
        '--',
        this.remote.url,
        this.root,
      ],
      path.dirname(this.root),
    );
    this.logger?.info(
      `Choreo source '${this.name}': cloned ${this.displayUrl} (${this.remote.branch})`,
    );
  }

  private async recover(): Promise<void> {
    const gitDir = path.join(this.root, '.git');
    if (!(await exists(gitDir))) {
      throw new GitRemoteError(
        'other',
        `'${this.root}' is neither empty nor a clone of ${this.displayUrl}; empty it, or point the source's path at a new directory`,
      );
    }
    // git processes killed with a crashed backend leave their locks behind;
    // nobody else works in this clone
    const stale = await removeStaleLocks(gitDir);
    if (stale.length > 0) {
      this.logger?.warn(
        `Choreo source '${
          this.name
        }': removed what an interrupted git left in the working copy: ${stale.join(
          ', ',
        )}`,
      );
    }
    const configured = await this.git(['remote', 'get-url', 'origin']).then(
      r => r.stdout.trim(),
      () => undefined,
    );
    if (configured !== this.remote.url) {
      await this.git([
        'remote',
        configured === undefined ? 'add' : 'set-url',
        'origin',
        this.remote.url,
      ]);
    }
    const head = await this.fetch();
    const dropped = await droppedWork((...args) => this.git(args));
    await this.checkout(head);
    if (dropped.commits.length > 0 || dropped.files.length > 0) {
      this.logger?.warn(
        `Choreo source '${
          this.name
        }': the working copy held work that never reached ${
          this.displayUrl
        }; reset it to ${this.remote.branch} at ${head.slice(
          0,
          7,
        )}, dropping ${describeDropped(dropped)}`,
      );
    }
  }

  private async resetToTracking(): Promise<void> {
    const head = await this.trackingHead();
    if (head) {
      await this.checkout(head);
    }
  }

  /** The branch at `sha`, work tree and index exactly as committed. */
  private async checkout(sha: string): Promise<void> {
    await this.git([
      'checkout',
      '--quiet',
      '--force',
      '-B',
      this.remote.branch,
      sha,
    ]);
    await this.git(['clean', '--quiet', '--force', '-d']);
  }

  private async localHead(): Promise<string | undefined> {
    return this.git(['rev-parse', '--verify', '--quiet', 'HEAD']).then(
      r => r.stdout.trim(),
      () => undefined,
    );
  }

  private async trackingHead(): Promise<string | undefined> {
    return this.git([
      'rev-parse',
      '--verify',
      '--quiet',
      `${this.trackingRef}^{commit}`,
    ]).then(
      r => r.stdout.trim(),
      () => undefined,
    );
  }

  private async isMissingOrEmpty(): Promise<boolean> {
    try {
      return (await fs.readdir(this.root)).length === 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return true;
      }
      throw error;
    }
  }

  /** A local git command in the working copy. */
  private git(args: string[]): Promise<GitResult> {
    return runGit(this.root, args);
  }

  /** A git command that talks to the remote, with its credentials. */
  private async remoteGit(args: string[], cwd = this.root): Promise<GitResult> {
    const { env, unsetEnv, secrets } = await this.credentials.environment();
    try {
      return await runGit(cwd, args, { env, unsetEnv });
    } catch (error) {
      const failure = error as Partial<GitFailure>;
      const said = redactText(gitSaid(error), secrets);
      throw Object.assign(
        new GitRemoteError(
          classifyGitFailure(said),
          `git ${args[0]} ${this.displayUrl} failed: ${said}`,
        ),
        {
          stdout: redactText(failure.stdout ?? '', secrets),
          stderr: redactText(failure.stderr ?? '', secrets),
        },
      );
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

import { FileContent } from '../writer/directory/gitCommit';
import {
  GitRemoteError,
  RemoteFailureKind,
  maybePushedError,
  notPushedError,
} from './remoteErrors';
import { retryDelayMs } from './retryDelay';

/** How one push went. */
export type PushOutcome =
  | { pushed: true }
  | { pushed: false; kind: RemoteFailureKind; reason?: string };

/** A change worked out on the current head: what to answer and which files to commit. */
export interface PlannedChange<R> {
  result: R;
  /** Nothing to push when undefined (unchanged, or a dry run). */
  files?: FileContent[];
  /** The commit message. */
  message?: string;
}

/** The I/O a write through a remote needs; GitWorkingCopy provides it. */
export interface PublishSteps {
  /** Fetches and checks out the remote head; returns its sha. */
  syncToRemote(): Promise<string>;
  /** Records `files` as a commit on `base`; returns its sha. */
  commit(base: string, files: FileContent[], message?: string): Promise<string>;
  push(sha: string): Promise<PushOutcome>;
  /** The push landed: check out `sha`. */
  landed(sha: string): Promise<void>;
  /**
   * After a push that got no clear answer (the connection broke): fetches
   * and says whether `sha` reached the remote branch anyway, then checks the
   * remote head out; undefined when the remote still cannot be asked.
   */
  confirm(sha: string): Promise<boolean | undefined>;
  /** Puts the working copy back at the remote head, clean. */
  undo(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export interface PublishOptions {
  attempts: number;
  retryDelayMs: number;
  /** The remote as messages may name it (userinfo redacted). */
  remote: string;
  branch: string;
  random?: () => number;
}

/**
 * Lands one change on the remote branch: bring the working copy to the
 * remote head, work the change out on it (`plan` re-reads the files and
 * re-checks the caller's precondition), commit, push. When someone pushed
 * first, the change is worked out again on their head — a rebase by meaning,
 * not by text — after a jittered wait, up to `attempts` pushes. Resolves
 * with the pushed commit once the push landed; anything else leaves the
 * working copy at the remote head and throws an error that says what to do.
 */
export async function publishWithRetries<R>(
  steps: PublishSteps,
  plan: () => Promise<PlannedChange<R>>,
  options: PublishOptions,
): Promise<{ result: R; commit?: string }> {
  const fail = (kind: RemoteFailureKind, reason?: string, attempts = 1) =>
    notPushedError(kind, options.remote, {
      reason,
      attempts,
      branch: options.branch,
    });
  try {
    for (let attempt = 1; ; attempt++) {
      const head = await steps.syncToRemote();
      const planned = await plan();
      if (!planned.files) {
        return { result: planned.result };
      }
      const sha = await steps.commit(head, planned.files, planned.message);
      const outcome = await steps.push(sha);
      if (outcome.pushed) {
        await steps.landed(sha);
        return { result: planned.result, commit: sha };
      }
      if (outcome.kind === 'unreachable' || outcome.kind === 'other') {
        // the remote may have taken the commit before the connection broke
        const reached = await steps.confirm(sha);
        if (reached) {
          return { result: planned.result, commit: sha };
        }
        if (reached === undefined) {
          throw maybePushedError(options.remote);
        }
      }
      if (outcome.kind !== 'moved' || attempt >= options.attempts) {
        throw fail(outcome.kind, outcome.reason, attempt);
      }
      await steps.sleep(
        retryDelayMs(attempt, options.retryDelayMs, options.random),
      );
    }
  } catch (error) {
    await steps.undo().catch(() => undefined);
    if (error instanceof GitRemoteError) {
      throw fail(error.kind);
    }
    throw error;
  }
}

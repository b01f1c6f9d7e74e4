import { expect } from '@playwright/test';
// Playwright tests run in Node, not in the browser like the rest of this package.
// eslint-disable-next-line no-restricted-imports
import { execFile } from 'child_process';
// eslint-disable-next-line no-restricted-imports
import { promises as fs } from 'fs';
// eslint-disable-next-line no-restricted-imports
import path from 'path';

/*
 * The Git remote the replicas share (E2E_GIT_REMOTE, a bare repository made
 * by scripts/e2e-git-remote.sh): what its history says, and holding a push in
 * one of its hooks to stop a replica in the middle of a write.
 */

const BRANCH = 'main';

export function gitRemote(): string {
  const remote = process.env.E2E_GIT_REMOTE;
  if (!remote) {
    throw new Error(
      'E2E_GIT_REMOTE is not set: run these tests with scripts/e2e-production.sh',
    );
  }
  return remote;
}

export function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('git', args, { cwd }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`git ${args.join(' ')} in ${cwd}: ${stderr}`))
        : resolve(stdout.trim()),
    ),
  );
}

/** The commit the remote's branch points at. */
export function remoteHead(): Promise<string> {
  return git(gitRemote(), 'rev-parse', `refs/heads/${BRANCH}`);
}

/** Subjects of the commits after `base` on the remote's branch, oldest first. */
export async function subjectsSince(base: string): Promise<string[]> {
  const out = await git(
    gitRemote(),
    'log',
    '--reverse',
    '--format=%s',
    `${base}..${BRANCH}`,
  );
  return out ? out.split('\n') : [];
}

/** Whether `commit` is on the remote's branch. */
export function onRemoteBranch(commit: string): Promise<boolean> {
  return git(gitRemote(), 'merge-base', '--is-ancestor', commit, BRANCH).then(
    () => true,
    () => false,
  );
}

/** No merges, and every commit a child of the one before: one line of history. */
export async function historyIsLinear(): Promise<boolean> {
  const remote = gitRemote();
  const merges = await git(remote, 'rev-list', '--merges', BRANCH);
  const all = await git(remote, 'rev-list', '--count', BRANCH);
  const firstParent = await git(
    remote,
    'rev-list',
    '--count',
    '--first-parent',
    BRANCH,
  );
  return merges === '' && all === firstParent;
}

/** How often each subject occurs in `subjects`. */
export function occurrences(subjects: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const subject of subjects) {
    counts.set(subject, (counts.get(subject) ?? 0) + 1);
  }
  return counts;
}

/**
 * A working copy with nothing half-done in it: no leftover index lock, no
 * changed or untracked file, and its HEAD at the remote's head.
 */
export async function cleanCloneAtRemoteHead(clone: string): Promise<void> {
  await expect(
    fs.access(path.join(clone, '.git', 'index.lock')).then(
      () => 'index.lock left behind',
      () => 'no lock',
    ),
  ).resolves.toBe('no lock');
  expect(
    await git(clone, 'status', '--porcelain', '--untracked-files=all'),
  ).toBe('');
  expect(await git(clone, 'rev-parse', 'HEAD')).toBe(await remoteHead());
}

export type PushHook = 'pre-receive' | 'post-receive';

/**
 * Makes the next push wait in `hook` (before the branch moves, or after it
 * moved but before the pusher hears so) until released.
 */
export async function holdPushes(hook: PushHook) {
  const remote = gitRemote();
  const hold = path.join(remote, `hold-${hook}`);
  const held = path.join(remote, `held-${hook}`);
  await fs.rm(held, { force: true });
  await fs.writeFile(hold, '');
  return {
    /** Resolves once a push waits in the hook. */
    waitUntilHeld: () =>
      expect
        .poll(
          () =>
            fs.access(held).then(
              () => true,
              () => false,
            ),
          { timeout: 60_000, intervals: [100] },
        )
        .toBe(true),
    /** Lets pushes through again (a held push whose pusher died is gone). */
    release: async () => {
      await fs.rm(hold, { force: true });
      await fs.rm(held, { force: true });
    },
  };
}

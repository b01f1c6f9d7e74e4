import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CustomErrorBase } from '@backstage/errors';
import { gitSaid as describe, runGit } from './gitProcess';

/** A git command failed; the message says which one and what git said. */
export class GitCommandError extends CustomErrorBase {
  name = 'GitCommandError' as const;
}

/** Throws GitCommandError unless `dir` is inside a git work tree. */
export async function assertGitWorkTree(dir: string): Promise<void> {
  try {
    const { stdout } = await runGit(dir, [
      'rev-parse',
      '--is-inside-work-tree',
    ]);
    if (stdout.trim() === 'true') {
      return;
    }
  } catch (error) {
    throw new GitCommandError(
      `'${dir}' is not inside a git work tree (${describe(
        error,
      )}); run 'git init' there or set git.commit: false for this source`,
    );
  }
  throw new GitCommandError(
    `'${dir}' is not inside a git work tree; run 'git init' there or set git.commit: false for this source`,
  );
}

export interface GitCommitRequest {
  /** Folder the paths are relative to (inside the work tree). */
  cwd: string;
  /** Changed files, added, modified or deleted. */
  paths: string[];
  /** First line (and optional body) of the commit message. */
  message: string;
  /** Backstage entity ref of who made the change; becomes the author. */
  actor: string;
}

/** `user:default/jane` → `jane@backstage`: a stable address for the commit author. */
export function actorEmail(actor: string): string {
  const name = actor.split('/').pop()!.split(':').pop()!;
  return `${name.replace(/[^A-Za-z0-9._+-]/g, '-') || 'backstage'}@backstage`;
}

/** The backend may run without a git identity; commits still need a committer. */
async function committerFallback(cwd: string): Promise<NodeJS.ProcessEnv> {
  const identity = await runGit(cwd, ['config', 'user.email']).catch(
    () => undefined,
  );
  return identity?.stdout.trim()
    ? {}
    : {
        GIT_COMMITTER_NAME: 'Backstage',
        GIT_COMMITTER_EMAIL: 'backstage@localhost',
      };
}

/** The message, then a `Backstage-Actor:` trailer naming who made the change. */
function messageArgs(message: string, actor: string): string[] {
  return ['-m', message, '-m', `Backstage-Actor: ${actor}`];
}

/**
 * Stages exactly `paths` and commits only them (other staged work in the
 * repository is left alone), authored by the actor with a
 * `Backstage-Actor:` trailer. Returns the new commit's sha.
 */
export async function gitCommit(request: GitCommitRequest): Promise<string> {
  const { cwd, paths, message, actor } = request;
  try {
    await runGit(cwd, ['add', '--all', '--', ...paths]);
  } catch (error) {
    throw new GitCommandError(`git add failed in '${cwd}': ${describe(error)}`);
  }
  const env = await committerFallback(cwd);
  try {
    await runGit(
      cwd,
      [
        'commit',
        '--quiet',
        `--author=${actor} <${actorEmail(actor)}>`,
        ...messageArgs(message, actor),
        '--',
        ...paths,
      ],
      { env },
    );
  } catch (error) {
    throw new GitCommandError(
      `git commit failed in '${cwd}': ${describe(error)}`,
    );
  }
  const { stdout } = await runGit(cwd, ['rev-parse', 'HEAD']);
  return stdout.trim();
}

/** Best effort: puts the index entries of `paths` back to HEAD after a failed commit. */
export async function gitUnstage(cwd: string, paths: string[]): Promise<void> {
  await runGit(cwd, ['reset', '--quiet', '--', ...paths]).catch(
    () => undefined,
  );
}

/** One file of a commit built with gitCommitFiles: new content, or `undefined` to remove it. */
export interface FileContent {
  /** Relative to the top of the work tree, posix separators. */
  path: string;
  text: string | undefined;
}

/**
 * Records `files` as a commit on top of `base` without touching the work
 * tree or its index (a private index file is used), authored like
 * gitCommit. The work tree then shows the change only once it is checked
 * out, e.g. after the commit reached a remote. Returns the commit's sha.
 */
export async function gitCommitFiles(request: {
  cwd: string;
  base: string;
  files: FileContent[];
  message: string;
  actor: string;
}): Promise<string> {
  const { cwd, base, files, message, actor } = request;
  const gitDir = (
    await runGit(cwd, ['rev-parse', '--absolute-git-dir'])
  ).stdout.trim();
  const index = path.join(
    gitDir,
    `choreo-index-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const env = { GIT_INDEX_FILE: index };
  try {
    await runGit(cwd, ['read-tree', base], { env });
    for (const file of files) {
      if (file.text === undefined) {
        await runGit(cwd, ['update-index', '--force-remove', '--', file.path], {
          env,
        });
        continue;
      }
      const blob = (
        await runGit(
          cwd,
          ['hash-object', '-w', '--stdin', `--path=${file.path}`],
          { input: file.text },
        )
      ).stdout.trim();
      const mode = await fileMode(cwd, base, file.path);
      await runGit(
        cwd,
        [
          'update-index',
          '--add',
          '--cacheinfo',
          `${mode},${blob},${file.path}`,
        ],
        { env },
      );
    }
    const tree = (await runGit(cwd, ['write-tree'], { env })).stdout.trim();
    const { stdout } = await runGit(
      cwd,
      ['commit-tree', tree, '-p', base, ...messageArgs(message, actor)],
      {
        env: {
          ...(await committerFallback(cwd)),
          GIT_AUTHOR_NAME: actor,
          GIT_AUTHOR_EMAIL: actorEmail(actor),
        },
      },
    );
    return stdout.trim();
  } catch (error) {
    throw new GitCommandError(
      `git could not record the change: ${describe(error)}`,
    );
  } finally {
    await fs.rm(index, { force: true });
  }
}

/** An executable file stays executable; everything else is a plain file. */
async function fileMode(cwd: string, base: string, file: string) {
  const { stdout } = await runGit(cwd, ['ls-tree', base, '--', file]);
  return stdout.startsWith('100755 ') ? '100755' : '100644';
}

import { execFile } from 'node:child_process';
import { CustomErrorBase } from '@backstage/errors';

/** A git command failed; the message says which one and what git said. */
export class GitCommandError extends CustomErrorBase {
  name = 'GitCommandError' as const;
}

interface GitResult {
  stdout: string;
  stderr: string;
}

function runGit(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const said = `${stderr}\n${stdout}`.trim() || error.message;
          reject(
            Object.assign(error, { said, stdout, stderr }) as Error & {
              said: string;
            },
          );
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

function describe(error: unknown): string {
  const said = (error as { said?: string }).said;
  return said ?? String(error);
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
  // The backend may run without a git identity; commits still need a committer.
  const env: NodeJS.ProcessEnv = {};
  const identity = await runGit(cwd, ['config', 'user.email']).catch(
    () => undefined,
  );
  if (!identity?.stdout.trim()) {
    env.GIT_COMMITTER_NAME = 'Backstage';
    env.GIT_COMMITTER_EMAIL = 'backstage@localhost';
  }
  try {
    await runGit(
      cwd,
      [
        'commit',
        '--quiet',
        `--author=${actor} <${actorEmail(actor)}>`,
        '-m',
        message,
        '-m',
        `Backstage-Actor: ${actor}`,
        '--',
        ...paths,
      ],
      env,
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

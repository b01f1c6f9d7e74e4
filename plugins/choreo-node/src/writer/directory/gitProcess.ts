import { execFile } from 'node:child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
}

/** A failed git run: what git said (stderr, then stdout) and its exit code. */
export interface GitFailure extends Error {
  said: string;
  stdout: string;
  stderr: string;
  code?: number | string;
}

export interface GitRunOptions {
  /** Added to (and overriding) the process environment. */
  env?: NodeJS.ProcessEnv;
  /** Variables of the process environment to leave out. */
  unsetEnv?: readonly string[];
  /** Written to git's stdin. */
  input?: string;
}

/** Runs git in `cwd`, never prompting; rejects with a GitFailure. */
export function runGit(
  cwd: string,
  args: string[],
  options: GitRunOptions = {},
): Promise<GitResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    ...options.env,
  };
  for (const name of options.unsetEnv ?? []) {
    delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const said = `${stderr}\n${stdout}`.trim() || error.message;
          reject(Object.assign(error, { said, stdout, stderr }) as GitFailure);
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
    if (options.input !== undefined) {
      child.stdin?.end(options.input);
    }
  });
}

/** What git said about a failure, for messages. */
export function gitSaid(error: unknown): string {
  const said = (error as { said?: string }).said;
  return said ?? String(error);
}

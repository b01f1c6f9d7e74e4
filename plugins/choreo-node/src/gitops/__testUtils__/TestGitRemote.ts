import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** git with a fixed identity and without the backend's environment tweaks. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Outside',
      GIT_AUTHOR_EMAIL: 'outside@example.com',
      GIT_COMMITTER_NAME: 'Outside',
      GIT_COMMITTER_EMAIL: 'outside@example.com',
    },
  }).trim();
}

/** A clone that is not the portal's: a person or CI pushing to the same remote. */
export class OutsideClone {
  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    return git(this.dir, ...args);
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  exists(file: string): boolean {
    return fs.existsSync(path.join(this.dir, file));
  }

  /** Fetches and moves to the remote branch. */
  pull(): this {
    this.git('fetch', '--quiet', 'origin');
    try {
      this.git('rev-parse', '--verify', '--quiet', 'origin/main');
    } catch {
      return this; // an empty remote
    }
    this.git('reset', '--quiet', '--hard', 'origin/main');
    return this;
  }

  /** Writes files, commits them as "Outside" and pushes. Returns the sha. */
  push(files: Record<string, string>, message: string): string {
    this.pull();
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(this.dir, file)), {
        recursive: true,
      });
      fs.writeFileSync(path.join(this.dir, file), text);
    }
    this.git('add', '--all');
    this.git('commit', '--quiet', '-m', message);
    this.git('push', '--quiet', 'origin', 'HEAD:main');
    return this.git('rev-parse', 'HEAD');
  }
}

/**
 * A bare repository (branch main, seeded with `files`) in a temporary
 * folder, with a pre-receive hook the tests can make refuse pushes. The
 * servers serve it; outside clones reach it through the file system.
 */
export class TestGitRemote {
  /** The temporary folder: the repository, server files, clones. */
  readonly dir: string;
  /** The bare repository. */
  readonly bare: string;
  private clones = 0;

  private constructor(dir: string) {
    this.dir = dir;
    this.bare = path.join(dir, 'repos', 'gitops.git');
  }

  static create(files: Record<string, string>): TestGitRemote {
    const remote = new TestGitRemote(
      fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-remote-')),
    );
    fs.mkdirSync(remote.bare, { recursive: true });
    git(remote.bare, 'init', '--quiet', '--bare', '--initial-branch=main');
    git(remote.bare, 'config', 'http.receivepack', 'true');
    const hook = path.join(remote.bare, 'hooks', 'pre-receive');
    const refusal = path.join(remote.dir, 'refuse-pushes');
    fs.writeFileSync(
      hook,
      `#!/bin/sh\nif [ -f '${refusal}' ]; then cat '${refusal}' >&2; exit 1; fi\nexit 0\n`,
      { mode: 0o755 },
    );
    const seed = remote.clone();
    seed.push(files, 'Seed the GitOps repository');
    return remote;
  }

  /** A fresh clone through the file system. */
  clone(): OutsideClone {
    this.clones += 1;
    const dir = path.join(this.dir, 'clones', `outside-${this.clones}`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    git(this.dir, 'clone', '--quiet', this.bare, dir);
    return new OutsideClone(dir);
  }

  /** The branch head on the remote. */
  head(): string {
    return git(this.bare, 'rev-parse', 'refs/heads/main');
  }

  /** `git log` of the remote branch. */
  log(...args: string[]): string {
    return git(this.bare, 'log', ...args, 'main');
  }

  /** The file at the remote head; undefined when it is not there. */
  show(file: string): string | undefined {
    try {
      return git(this.bare, 'show', `main:${file}`);
    } catch {
      return undefined;
    }
  }

  /** Every push is refused by the pre-receive hook with `message` until allowPushes. */
  refusePushes(message: string): void {
    fs.writeFileSync(path.join(this.dir, 'refuse-pushes'), `${message}\n`);
  }

  allowPushes(): void {
    fs.rmSync(path.join(this.dir, 'refuse-pushes'), { force: true });
  }

  /** A new folder under the remote's temporary folder, e.g. for a portal clone. */
  folder(name: string): string {
    return path.join(this.dir, name);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

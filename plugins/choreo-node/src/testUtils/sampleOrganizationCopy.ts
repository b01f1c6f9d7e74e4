import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The repository's sample organization, found from this package's root. */
const EXAMPLES = resolvePackagePath(
  '@choreo-for-backstage/plugin-choreo-node',
  '../../examples/acme',
);

/**
 * A git work tree holding a fresh copy of the Acme sample organization
 * (examples/acme), for tests that write through the GitOps directory writer.
 */
export async function copySampleOrganization(): Promise<{
  dir: string;
  git: (...args: string[]) => string;
  cleanup: () => Promise<void>;
}> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-sample-'));
  const dir = path.join(tmp, 'acme');
  await fs.cp(EXAMPLES, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim();
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'sample organization');
  return {
    dir,
    git,
    cleanup: () => fs.rm(tmp, { recursive: true, force: true }),
  };
}

/**
 * A directory source that follows the copy as its Git remote, the way a
 * portal follows a GitOps repository that Flux or Argo CD applies to a
 * control plane: the portal works in a clone of its own next to the copy,
 * and every write is pushed back into the copy's work tree, so the copy's
 * `git` shows the portal's commits. Only for tests that do not edit the
 * copy's files without committing.
 */
export function sampleRemoteSource(
  sample: { dir: string; git: (...args: string[]) => string },
  name = 'acme',
) {
  sample.git('config', 'receive.denyCurrentBranch', 'updateInstead');
  return {
    type: 'directory' as const,
    name,
    path: path.join(path.dirname(sample.dir), `${name}-portal-clone`),
    git: { remote: { url: sample.dir, branch: 'main' } },
  };
}

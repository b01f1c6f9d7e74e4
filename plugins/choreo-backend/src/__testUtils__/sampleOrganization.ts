import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseManifests } from '@choreo-for-backstage/plugin-choreo-node';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/acme');

/** A git work tree holding a fresh copy of the Acme sample organization. */
export async function copySampleOrganization(): Promise<{
  dir: string;
  git: (...args: string[]) => string;
  cleanup: () => Promise<void>;
}> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-backend-'));
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
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'sample organization');
  return {
    dir,
    git,
    cleanup: () => fs.rm(tmp, { recursive: true, force: true }),
  };
}

/** Polls until `check` stops throwing; the directory source sees writes through a file watcher. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}

/**
 * What the copied sample says about a component: its releases (oldest first)
 * and the release bound per environment. The sample is generated, so tests
 * read names from it instead of hard-coding hashes.
 */
export async function sampleComponent(
  dir: string,
  project: string,
  component: string,
): Promise<{ releases: string[]; bound: Record<string, string | undefined> }> {
  const file = path.join(
    'projects',
    project,
    'components',
    `${component}.yaml`,
  );
  const text = await fs.readFile(path.join(dir, file), 'utf8');
  const { resources } = parseManifests(text, file);
  const releases = resources
    .map(r => r.resource)
    .filter(r => r.kind === 'ComponentRelease')
    .sort((a, b) =>
      String(a.metadata.creationTimestamp).localeCompare(
        String(b.metadata.creationTimestamp),
      ),
    )
    .map(r => r.metadata.name);
  const bound: Record<string, string | undefined> = {};
  for (const { resource } of resources) {
    if (resource.kind === 'ReleaseBinding') {
      bound[resource.spec.environment] = resource.spec.releaseName;
    }
  }
  return { releases, bound };
}

import { promises as fs } from 'node:fs';
import path from 'node:path';

/** git's lock files at the top of a git directory (besides those of refs). */
const TOP_LEVEL =
  /^(index|HEAD|ORIG_HEAD|FETCH_HEAD|config|packed-refs|shallow)\.lock$|^choreo-index-/;

async function lockFilesUnder(dir: string, relative = ''): Promise<string[]> {
  const entries = await fs
    .readdir(path.join(dir, relative), { withFileTypes: true })
    .catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const name = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await lockFilesUnder(dir, name)));
    } else if (entry.name.endsWith('.lock')) {
      found.push(name);
    }
  }
  return found;
}

/**
 * Removes what git processes killed with the backend leave in a git
 * directory: lock files (index, HEAD, config, refs) that would make every
 * later command fail with "File exists", and the writer's private index
 * files. Only safe while no git command runs there; returns what it removed,
 * relative to the git directory.
 */
export async function removeStaleLocks(gitDir: string): Promise<string[]> {
  const top = (await fs.readdir(gitDir)).filter(name => TOP_LEVEL.test(name));
  const refs = await lockFilesUnder(gitDir, 'refs');
  const stale = [...top, ...refs].sort();
  await Promise.all(
    stale.map(file => fs.rm(path.join(gitDir, file), { force: true })),
  );
  return stale;
}

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes `root/file` through a temporary dot-file and a rename, so the
 * directory source's watcher never reads half a file (dot-files are ignored).
 */
export async function writeFileAtomically(
  root: string,
  file: string,
  text: string,
): Promise<void> {
  const target = path.join(root, file);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString(
      'hex',
    )}.tmp`,
  );
  await fs.writeFile(temporary, text, 'utf8');
  try {
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Removes `root/file` and the folders it leaves empty, up to (not including) the root. */
export async function removeFileAndEmptyFolders(
  root: string,
  file: string,
): Promise<void> {
  await fs.rm(path.join(root, file), { force: true });
  let dir = path.dirname(path.join(root, file));
  while (dir.startsWith(`${root}${path.sep}`)) {
    try {
      await fs.rmdir(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}
